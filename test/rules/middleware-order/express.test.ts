import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFixture, checkFixture, fixTests } from '../../support/harness';

const fixtures = join(__dirname, 'fixtures');
const project = join(fixtures, 'express');
const split = join(fixtures, 'express-split');
const RULE = 'middleware-order';

describe('middleware-order: Express', () => {
  it('flags middleware registered before what it reads, after the routes it should cover, and an early error handler', async () => {
    await checkFixture(project, RULE, ['src/flagged.ts']);
  });

  it('applies the same rules to the Express middleware of a NestJS app', async () => {
    await checkFixture(project, RULE, ['src/nest-main.ts']);
  });

  it('stays silent on the documented order, per-route parsers and path-scoped middleware', async () => {
    await checkFixture(project, RULE, ['src/clean.ts']);
  });
});

describe('middleware-order: Express apps split across files', () => {
  it('follows the app into setup functions of other files and mounted routers', async () => {
    await checkFixture(split, RULE, ['src/flagged/app.ts', 'src/flagged/session.ts', 'src/flagged/assets.ts', 'src/flagged/routes/api.ts']);
  });

  it('stays silent when the setup functions register in the documented order', async () => {
    await checkFixture(split, RULE, [
      'src/clean/app.ts',
      'src/clean/setup/index.ts',
      'src/clean/setup/session.ts',
      'src/clean/setup/static.js',
      'src/clean/routes/users.ts',
    ]);
  });

  it('builds one chain in call order, each entry with its own file and the call that registered it', async () => {
    const analyzer = await analyzeFixture(split);
    const chain = analyzer.model().middleware.find((c) => c.file === join(split, 'src/clean/app.ts') && c.app === 'app')!;
    const rel = (file: string) => file.slice(split.length + 1);
    assert.deepEqual(
      chain.entries.map((e) => [e.name, rel(e.location.file), e.via?.call]),
      [
        ["set('trust proxy')", 'src/clean/app.ts', undefined],
        ['helmet', 'src/clean/setup/index.ts', 'configure(app)'],
        ['express.static', 'src/clean/setup/static.js', 'configure(app)'],
        ['session', 'src/clean/setup/session.ts', 'configure(app)'],
        ['passport.initialize', 'src/clean/setup/index.ts', 'configure(app)'],
        ['passport.session', 'src/clean/setup/index.ts', 'configure(app)'],
        ['/users usersRouter', 'src/clean/app.ts', undefined],
        ['(err, _req, res, _next) => {…}', 'src/clean/app.ts', undefined],
      ],
    );
    // The mounted router's own chain is listed under its mount point.
    const mount = chain.entries.find((e) => e.name === '/users usersRouter')!;
    assert.equal(mount.role, 'routes');
    assert.deepEqual(
      mount.mounted?.map((e) => e.name),
      ['express.json', 'GET /'],
    );
    // An imported router whose name says nothing is a routes entry too.
    const flagged = analyzer.model().middleware.find((c) => c.file === join(split, 'src/flagged/app.ts'))!;
    assert.equal(flagged.entries.find((e) => e.name === '/api api')?.role, 'routes');
  });

  it('names where the other entry is registered, and the setup call, when they are in different files', async () => {
    const analyzer = await analyzeFixture(split);
    const finding = analyzer.findings().find((f) => f.rule === RULE && f.message.startsWith('passport.session comes before session'))!;
    assert.match(finding.message, /\(session: src\/flagged\/session\.ts:5, through setupSession\(app\) at line 12\)/);
    assert.equal(finding.related?.[0].location.file, join(split, 'src/flagged/session.ts'));
    // Entries in different files cannot be moved by one edit.
    assert.deepEqual(finding.fixes, []);
  });

  it('re-links the chain when only the setup file changes', async () => {
    const analyzer = await analyzeFixture(split);
    const session = join(split, 'src/flagged/session.ts');
    const count = () => analyzer.findings().filter((f) => f.rule === RULE && f.message.includes('comes before session')).length;
    assert.equal(count(), 2);
    await analyzer.updateFile(session, 'import type { Express } from "express";\nexport function setupSession(app: Express): void {}\n');
    // No session middleware at all now: nothing comes before it.
    assert.equal(count(), 0);
  });
});

describe('middleware-order: Express quick fixes', () => {
  const dir = join(fixtures, 'express-fixes');
  fixTests(dir, RULE, [
    ['Move session before passport.initialize', 'session-first.ts', 6, 'session-first.ts.expected'],
    ['Move passport.session after session', 'keep-trust-proxy.ts', 6, 'keep-trust-proxy.ts.expected'],
    ['Move express.json before POST /orders', 'parser-late.ts', 7, 'parser-late.ts.expected'],
    ['Move the error handler after the middleware on line 9', 'error-handler.ts', 4, 'error-handler.ts.expected'],
    ['Move express.static before session', 'static-late.ts', 6, 'static-late.ts.expected'],
    ["Move set('trust proxy') before session", 'trust-proxy-late.ts', 6, 'trust-proxy-late.ts.expected'],
  ]);

  it('offers no move that would break another rule, and none for shared statements or other blocks', async () => {
    const analyzer = await analyzeFixture(dir);
    const titles = (file: string) =>
      analyzer
        .findings()
        .filter((f) => f.rule === RULE && f.file === join(dir, file))
        .flatMap((f) => f.fixes.map((x) => x.title));
    // Moving session up would put it before `trust proxy`: passport.session moves down instead.
    assert.deepEqual(titles('keep-trust-proxy.ts'), ['Move passport.session after session']);
    const notMovable = analyzer.findings().filter((f) => f.rule === RULE && f.file === join(dir, 'not-movable.ts'));
    assert.equal(notMovable.length, 3);
    assert.deepEqual(
      notMovable.flatMap((f) => f.fixes),
      [],
    );
  });
});

describe('middleware-order: Express apps in a class field', () => {
  const dir = join(fixtures, 'express-class-app');

  it('reads `this.app.use(...)` in one method as the chain, helpers of other modules included', async () => {
    await checkFixture(dir, RULE, ['src/flagged/server.ts', 'src/flagged/sessions.ts', 'src/flagged/routes.ts']);
  });

  it('keeps no chain when several methods register on the field, and none through a `function` with its own `this`', async () => {
    await checkFixture(dir, RULE, ['src/clean/server.ts']);
    const analyzer = await analyzeFixture(dir);
    const apps = analyzer
      .model()
      .middleware.filter((c) => c.file === join(dir, 'src/clean/server.ts'))
      .map((c) => c.app);
    assert.deepEqual(apps, ['this.app']);
  });
});
