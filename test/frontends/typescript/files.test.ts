import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { typescriptFrontend } from '../../../server/src/frontends/typescript';
import type { FileFacts, ModelDecl } from '../../../server/src/model/types';
import { Analyzer } from '../../../server/src/workspace/analyzer';
import { plain } from '../../support/values';

const example = join(__dirname, '..', '..', '..', 'examples', 'express-typeorm');
const analyzeExample = (rel: string) => typescriptFrontend.analyze(join(example, rel), readFileSync(join(example, rel), 'utf8'));
const analyze = (text: string, file = '/project/src/file.ts') => typescriptFrontend.analyze(file, text);

function model(facts: FileFacts, name: string): ModelDecl {
  const found = facts.models.find((m) => m.name === name);
  assert.ok(found, `no model ${name}`);
  return found;
}

describe('typescript frontend: files it reads', () => {
  it('handles TypeScript and JavaScript sources but not declaration files', () => {
    for (const file of ['a.ts', 'a.tsx', 'a.mts', 'a.cts', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs'])
      assert.ok(typescriptFrontend.handles(`/p/${file}`), file);
    for (const file of ['a.d.ts', 'a.d.mts', 'a.py', 'a.json', 'a.ts.expected']) assert.ok(!typescriptFrontend.handles(`/p/${file}`), file);
  });
});

describe('typescript frontend: TypeORM entities', () => {
  it('reads the example entities: tables, columns, relations, indexes', () => {
    const user = model(analyzeExample('src/entities/User.ts'), 'User');
    assert.equal(user.stack, 'typeorm');
    assert.equal(user.table, 'users');
    assert.deepEqual(
      user.fields.map((f) => [f.name, f.column, f.type, f.primaryKey, f.unique, f.indexed]),
      [
        ['id', 'id', 'number', true, false, true],
        ['email', 'email', 'string', false, true, true],
        ['displayName', 'display_name', 'string', false, false, false],
        ['passwordHash', 'passwordHash', 'string', false, false, false],
        ['posts', 'posts', 'OneToMany', false, false, false],
      ],
    );
    assert.deepEqual(user.fields[4].relation, { kind: 'one-to-many', target: 'Post', relatedName: 'author', eager: false, lazy: false });
    assert.deepEqual(
      user.indexes.map((i) => [i.fields, i.unique, i.source]),
      [
        [['id'], true, 'primary key'],
        [['email'], true, 'unique'],
      ],
    );
    assert.equal(user.location.range.start.line, 4);
    assert.deepEqual(user.bodyInsert, { position: { line: 24, character: 0 }, indent: '  ' });

    const post = model(analyzeExample('src/entities/Post.ts'), 'Post');
    assert.equal(post.table, 'posts');
    const author = post.fields.find((f) => f.name === 'author')!;
    assert.equal(author.column, 'authorId');
    assert.equal(author.indexed, false, 'TypeORM creates no index for a many-to-one on PostgreSQL');
    assert.deepEqual(author.relation, {
      kind: 'many-to-one',
      target: 'User',
      relatedName: 'posts',
      nullable: true,
      eager: false,
      lazy: false,
    });
    assert.deepEqual(post.fields.find((f) => f.name === 'body')!.type, 'text');
    assert.deepEqual(post.fields.find((f) => f.name === 'publishedAt')!.nullable, true);
    assert.deepEqual(
      post.indexes.map((i) => [i.fields, i.unique, i.source, i.location?.range.start.line]),
      [
        [['id'], true, 'primary key', 7],
        [['publishedAt', 'title'], false, '@Index', 4],
      ],
    );
    assert.deepEqual(
      post.fields.filter((f) => f.indexed).map((f) => f.name),
      ['id', 'publishedAt'],
      'only leading columns are indexed',
    );
  });

  it('reads entity listeners as signals', () => {
    const facts = analyzeExample('src/entities/User.ts');
    assert.deepEqual(
      facts.signals.map(({ signal, sender, handler, stack }) => ({ signal, sender, handler, stack })),
      [{ signal: 'BeforeInsert', sender: 'User', handler: 'User.normalizeEmail', stack: 'typeorm' }],
    );
    assert.equal(facts.signals[0].location.range.start.line, 21);
  });

  it('follows TypeORM naming, options, relation ownership and every kind of index', () => {
    const facts = analyze(`
import * as orm from 'typeorm';
import { Entity, Column, Index, Unique, OneToOne, JoinColumn, ManyToOne, ManyToMany, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Profile } from '../../unit/Profile';

@Entity()
@Index(['tenantId', 'createdAt'], { unique: true })
@Unique('UQ_slug', ['tenantId', 'slug'])
@orm.Index((a: BlogArticle) => [a.slug])
export class BlogArticle extends orm.BaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('varchar', { length: 80 }) slug!: string;
  @Index({ where: '"deletedAt" IS NULL' }) @Column() tenantId!: number;
  @orm.CreateDateColumn() createdAt!: Date;
  @orm.DeleteDateColumn() deletedAt?: Date;
  @OneToOne(() => Profile, { eager: true }) @JoinColumn() profile!: Relation<Profile>;
  @OneToOne(() => Profile) otherSide!: Profile;
  @ManyToOne(() => BlogArticle, { nullable: false, lazy: true }) @JoinColumn({ name: 'parent_ref' }) parent!: BlogArticle;
  @ManyToOne('BlogArticle') previous!: Promise<BlogArticle>;
  @ManyToMany(() => Profile) readers!: Profile[];
  notAColumn = 1;
}

@Entity({ name: 'custom_table' })
class Named { @Column({ primary: true, type: 'int', name: 'pk' }) key!: number }
`);
    const article = model(facts, 'BlogArticle');
    assert.equal(article.table, 'blog_article');
    assert.deepEqual(article.bases, ['orm.BaseEntity']);
    const field = (name: string) => article.fields.find((f) => f.name === name)!;
    assert.deepEqual(
      article.fields.map((f) => f.name),
      ['id', 'slug', 'tenantId', 'createdAt', 'deletedAt', 'profile', 'otherSide', 'parent', 'previous', 'readers'],
    );
    assert.equal(field('id').type, 'uuid');
    assert.equal(field('slug').type, 'varchar');
    assert.equal(field('deletedAt').nullable, true);
    assert.equal(field('profile').column, 'profileId');
    assert.equal(field('profile').unique, true);
    assert.deepEqual(field('profile').relation, { kind: 'one-to-one', target: 'Profile', nullable: true, eager: true, lazy: false });
    assert.equal(field('otherSide').column, 'otherSide', 'the inverse side of a one-to-one has no column');
    assert.equal(field('otherSide').unique, false);
    assert.equal(field('parent').column, 'parent_ref');
    assert.deepEqual(field('parent').relation, { kind: 'many-to-one', target: 'BlogArticle', nullable: false, eager: false, lazy: true });
    assert.equal(field('previous').relation?.lazy, true, 'a Promise<T> property is lazy');
    assert.equal(field('previous').relation?.target, 'BlogArticle');
    assert.equal(field('readers').relation?.kind, 'many-to-many');
    assert.deepEqual(
      article.indexes.map((i) => ({ fields: i.fields, unique: i.unique, source: i.source, name: i.name, condition: i.condition })),
      [
        { fields: ['id'], unique: true, source: 'primary key', name: undefined, condition: undefined },
        { fields: ['tenantId'], unique: false, source: '@Index', name: undefined, condition: '"deletedAt" IS NULL' },
        { fields: ['profile'], unique: true, source: 'one-to-one', name: undefined, condition: undefined },
        { fields: ['tenantId', 'createdAt'], unique: true, source: '@Index', name: undefined, condition: undefined },
        { fields: ['tenantId', 'slug'], unique: true, source: '@Unique', name: 'UQ_slug', condition: undefined },
        { fields: ['slug'], unique: false, source: '@Index', name: undefined, condition: undefined },
      ],
    );
    assert.deepEqual(
      article.fields.filter((f) => f.indexed).map((f) => f.name),
      ['id', 'slug', 'tenantId', 'profile'],
    );
    const named = model(facts, 'Named');
    assert.equal(named.table, 'custom_table');
    assert.deepEqual(
      named.fields.map((f) => [f.name, f.column, f.type, f.primaryKey]),
      [['key', 'pk', 'int', true]],
    );
  });

  it('ignores look-alike decorators from other libraries', () => {
    const facts = analyze(`
import { Entity, Column, BeforeInsert } from '../../unit/my-orm';
@Entity('users') export class User { @Column() id!: number; @BeforeInsert() hash() {} }
`);
    assert.deepEqual(facts.models, []);
    assert.deepEqual(facts.signals, []);
  });

  it('reads subscribers: each hook, with the entity listenTo() returns', () => {
    const facts = analyze(`
import { EventSubscriber, EntitySubscriberInterface, InsertEvent } from 'typeorm';
import { User } from '../../unit/User';
@EventSubscriber()
export class UserSubscriber implements EntitySubscriberInterface<User> {
  listenTo() { return User; }
  afterInsert(event: InsertEvent<User>) {}
  beforeUpdate() {}
  helper() {}
}
@EventSubscriber()
export class AuditSubscriber { afterLoad() {} }
`);
    assert.deepEqual(
      facts.signals.map(({ signal, sender, handler }) => ({ signal, sender, handler })),
      [
        { signal: 'afterInsert', sender: 'User', handler: 'UserSubscriber.afterInsert' },
        { signal: 'beforeUpdate', sender: 'User', handler: 'UserSubscriber.beforeUpdate' },
        { signal: 'afterLoad', sender: undefined, handler: 'AuditSubscriber.afterLoad' },
      ],
    );
  });
});

describe('typescript frontend: Express middleware chains', () => {
  it('reads the example app in registration order with roles', () => {
    const [chain, ...others] = analyzeExample('src/app.ts').middleware;
    assert.deepEqual(others, []);
    assert.equal(chain.app, 'app');
    assert.equal(chain.stack, 'express');
    assert.equal(chain.file, join(example, 'src/app.ts'));
    assert.equal(chain.location.range.start.line, 5);
    assert.deepEqual(
      chain.entries.map((e) => [e.name, e.role, e.location.range.start.line + 1]),
      [
        ['express.json', 'body-parser', 8],
        ['session', 'session', 10],
        ['passport.initialize', 'passport-initialize', 17],
        ['passport.session', 'passport-session', 18],
        ['express.static', 'static', 19],
        ['/posts postsRouter', 'routes', 20],
        ['(err, _req, res, _next) => {…}', 'error-handler', 22],
      ],
    );
  });

  it('reads routers and their routes', () => {
    const [chain] = analyzeExample('src/routes/posts.ts').middleware;
    assert.equal(chain.app, 'postsRouter');
    assert.deepEqual(
      chain.entries.map((e) => [e.name, e.role]),
      [
        ['GET /', 'routes'],
        ['GET /reviewed', 'routes'],
      ],
    );
  });

  it('recognises middleware by the package it comes from, whatever it is called', () => {
    const facts = analyze(`
const express = require('express');
import cors from 'cors';
import helmet from 'helmet';
import csrf from 'csurf';
import parseCookies from 'cookie-parser';
import rateLimit from 'express-rate-limit';
import bodyParser from 'body-parser';
import cookieSession from 'cookie-session';
import { Router } from 'express';

const server = express();
const api = Router();
const nested = express.Router();
const limiter = rateLimit({ windowMs: 60_000 });
function onError(err, req, res, next) {}

server.set('trust proxy', 1);
server.get('env');
server.use(helmet(), cors());
server.use(limiter);
server.use([parseCookies(), bodyParser.json()]);
server.use(cookieSession({ keys: [process.env.KEY] }));
server.use(csrf()).use('/api', api);
server.route('/health').get((req, res) => res.end());
server.post('/login', (req, res) => res.end());
server.use(onError);
api.use(nested);
`);
    const server = facts.middleware.find((c) => c.app === 'server')!;
    assert.deepEqual(
      server.entries.map((e) => [e.name, e.role]),
      [
        ["set('trust proxy')", 'trust-proxy'],
        ['helmet', 'helmet'],
        ['cors', 'cors'],
        ['limiter', 'rate-limit'],
        ['parseCookies', 'cookie-parser'],
        ['bodyParser.json', 'body-parser'],
        ['cookieSession', 'session'],
        ['csrf', 'csrf'],
        ['/api api', 'routes'],
        ['GET /health', 'routes'],
        ['POST /login', 'routes'],
        ['onError', 'error-handler'],
      ],
    );
    assert.deepEqual(
      facts.middleware.map((c) => c.app),
      ['server', 'api', 'nested'],
    );
    assert.deepEqual(
      facts.middleware.find((c) => c.app === 'api')!.entries.map((e) => [e.name, e.role]),
      [['nested', 'routes']],
    );
  });

  it('ignores apps that are not Express', () => {
    const facts = analyze(`import express from '../../unit/not-express'; const app = express(); app.use(x);`);
    assert.deepEqual(facts.middleware, []);
  });
});

describe('typescript frontend: session configurations', () => {
  it('reads the example session call with its literal options', () => {
    const [config] = analyzeExample('src/app.ts').sessions;
    assert.equal(config.library, 'express-session');
    assert.equal(config.stack, 'express');
    assert.equal(config.call.range.start.line, 9);
    assert.equal(config.optionsArgument?.isLiteral, true);
    assert.deepEqual(plain(config.options), {
      secret: 'keyboard cat',
      resave: false,
      saveUninitialized: false,
      cookie: { httpOnly: true, sameSite: 'lax' },
    });
  });

  it('resolves consts, spreads, the environment and conditions on it', () => {
    const facts = analyze(`
import session from 'express-session';
const isProd = process.env.NODE_ENV === 'production';
const base = { resave: false, name: 'a' };
const cookie = { secure: isProd, sameSite: isProd ? 'none' : 'lax', maxAge: -1, domain: undefined };
const options = {
  ...base,
  name: 'b',
  secret: process.env.SECRET ?? 'dev',
  other: process.env['OTHER'] || ['x'],
  store: makeStore(),
  'quoted-key': \`tpl\`,
  cookie,
  [computed]: 1,
};
session(options);
`);
    const [config] = facts.sessions;
    assert.equal(config.optionsArgument?.isLiteral, false);
    assert.deepEqual(plain(config.options), {
      resave: false,
      name: 'b',
      secret: { env: 'SECRET', fallback: 'dev' },
      other: { env: 'OTHER', fallback: ['x'] },
      store: { unknown: 'makeStore()' },
      'quoted-key': 'tpl',
      cookie: { secure: { env: 'NODE_ENV' }, sameSite: { env: 'NODE_ENV' }, maxAge: -1, domain: null },
    });
    assert.equal(config.options?.partial, true, 'a computed key hides what it names');
    // The options literal is in the const: that is where entries can be inserted.
    assert.equal(config.options?.location.range.start.line, 5);
    assert.ok(config.options?.insertion);
  });

  it('reads the cookie function form of express-session 1.19', () => {
    const [config] = analyze(`
import session from 'express-session';
session({ secret: process.env.S, cookie: (req) => { const x = 1; return { secure: 'auto', httpOnly: false }; } });
`).sessions;
    assert.deepEqual(plain(config.options), { secret: { env: 'S' }, cookie: { secure: 'auto', httpOnly: false } });
  });

  it('finds the factory under every import form and only there', () => {
    const facts = analyze(`
import a from 'express-session';
import * as b from 'express-session';
import c = require('express-session');
const d = require('express-session');
import { default as e } from 'express-session';
import { session as f } from '../../unit/other';
a(); b({}); c({}); d({}); e({}); f({}); require('express-session')({ secret: 'x' });
new b.MemoryStore();
`);
    assert.equal(facts.sessions.length, 6);
    assert.ok(facts.sessions.every((s) => s.library === 'express-session'));
    assert.equal(facts.sessions[0].options, undefined);
    assert.equal(facts.sessions[0].optionsArgument, undefined);
  });

  it('keeps an unreadable options argument apart from a missing one', () => {
    const [config] = analyze(`import session from 'express-session'; session(buildOptions());`).sessions;
    assert.deepEqual(config.options?.entries, []);
    assert.equal(config.options?.partial, true);
    assert.equal(config.optionsArgument?.isLiteral, false);
  });
});

describe('typescript frontend: comments and problems', () => {
  it('reads every comment with its line, and no comment-looking text', () => {
    const facts = analyze(
      [
        '#!/usr/bin/env node',
        '// first',
        'const re = /\\/\\/ not a comment/; /* block */',
        'const s = `// not a comment ${1 /* inner */}`;',
        '/** doc // with slashes */',
        'function f() {',
        '  return 1; // trailing',
        '  // before the brace',
        '}',
        'const el = <div>// shown text {/* jsx */}</div>;',
        '// last',
      ].join('\n'),
      '/project/src/view.tsx',
    );
    assert.deepEqual(facts.problems, []);
    assert.deepEqual(facts.comments, [
      { line: 1, text: '// first' },
      { line: 2, text: '/* block */' },
      { line: 3, text: '/* inner */' },
      { line: 4, text: '/** doc // with slashes */' },
      { line: 6, text: '// trailing' },
      { line: 7, text: '// before the brace' },
      { line: 9, text: '/* jsx */' },
      { line: 10, text: '// last' },
    ]);
  });

  it('reports syntax errors with ranges and still reads the rest', () => {
    const facts = analyze(`import session from 'express-session';
const broken = {;
session({ secret: 'x' }); // still here
`);
    assert.equal(facts.problems.length > 0, true);
    assert.deepEqual(facts.problems[0].range.start, { line: 1, character: 16 });
    assert.match(facts.problems[0].message, /expected/);
    assert.equal(facts.sessions.length, 1);
    assert.deepEqual(
      facts.comments.map((c) => c.text),
      ['// still here'],
    );
  });

  it('never throws: garbage, half-typed code, empty files', () => {
    const inputs = [
      '',
      '\uFEFF',
      '@@@ )))) }}}} <<<>>> "unterminated',
      "import session from 'express-session'; app.use(session({ secret: ",
      '@Entity( class { @Column( x',
      'import { Entity } from "typeorm"; @Entity() class {',
      'const app = express(); app.use(',
      String.fromCharCode(...Array.from({ length: 500 }, (_, i) => (i * 7919) % 0xd7ff)),
      '`${'.repeat(200),
      '('.repeat(2000),
    ];
    for (const text of inputs) {
      for (const file of ['/p/x.ts', '/p/x.js', '/p/x.tsx']) {
        const facts = analyze(text, file);
        assert.equal(facts.file, file);
        assert.equal(facts.language, 'typescript');
      }
    }
    assert.deepEqual(analyze('').problems, []);
  });

  it('never throws on any prefix of a real file, nor with a few characters cut out', () => {
    for (const rel of ['src/app.ts', 'src/entities/Post.ts', 'src/entities/User.ts']) {
      const text = readFileSync(join(example, rel), 'utf8');
      for (let i = 0; i <= text.length; i += 11) {
        for (const variant of [text.slice(0, i), text.slice(0, i) + text.slice(i + 4)]) {
          assert.doesNotThrow(() => analyze(variant), `${rel} cut at ${i}`);
        }
      }
    }
    // A half-typed import has no module string yet.
    assert.deepEqual(analyze(`import session from\nsession({ secret: 'x' });`).sessions, []);
  });

  it('reads facts out of very deep trees (long generated expressions)', () => {
    const terms = Array.from({ length: 10_000 }, (_, i) => `'part${i}'`).join(' +\n  ');
    const facts = analyze(`import session from 'express-session';\nconst s = ${terms};\nsession({ secret: s }); // end\n`);
    assert.deepEqual(facts.problems, []);
    assert.equal(facts.sessions.length, 1);
    assert.deepEqual(
      facts.comments.map((c) => [c.line, c.text]),
      [[10_001, '// end']],
    );
  });

  it('re-analyses the same file from new text', () => {
    assert.equal(analyze(`import s from 'express-session'; s({});`).sessions.length, 1);
    assert.equal(analyze(`import s from 'express-session';`).sessions.length, 0);
  });
});

describe('engine on examples/express-typeorm', () => {
  it('reports the session problems of src/app.ts', async () => {
    const analyzer = new Analyzer(example);
    await analyzer.scan();
    const app = join(example, 'src', 'app.ts');
    const findings = analyzer.findings().filter((f) => f.rule === 'insecure-session' && f.file === app);
    const at = (text: string) => findings.filter((f) => f.message.includes(text)).map((f) => f.range.start.line + 1);
    assert.deepEqual(at('hard-coded'), [11]);
    assert.deepEqual(at('`cookie.secure` is not set'), [14]);
    assert.deepEqual(at('connect.sid'), [10]);
    assert.deepEqual(at('MemoryStore'), [10]);
    assert.equal(findings.length, 4);
    assert.equal(analyzer.model().models.length, 2);
  });
});
