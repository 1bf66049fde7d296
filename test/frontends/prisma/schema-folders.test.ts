import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { setEngineForTests } from '../../../server/src/frontends/prisma/engine';
import { prismaFrontend } from '../../../server/src/frontends/prisma';
import { buildProjectModel } from '../../../server/src/workspace/project';
import type { FileFacts, ModelDecl } from '../../../server/src/model/types';
import { analyzeFixture, checkFixture } from '../../support/harness';

const folder = join(__dirname, '..', '..', 'rules', 'missing-index', 'fixtures', 'prisma-folder');

/** Analyses `.prisma` texts as the analyzer would, and links them into a project model. */
function modelOf(files: Record<string, string>) {
  const facts = new Map<string, FileFacts>(Object.entries(files).map(([file, text]) => [file, prismaFrontend.analyze(file, text)]));
  return buildProjectModel('/p', facts);
}

const field = (models: ModelDecl[], model: string, name: string) =>
  models.find((m) => m.name === model)!.fields.find((f) => f.name === name)!;

const DATASOURCE = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n';
// Full-text indexes exist on MySQL only.
const BLOG = `${DATASOURCE.replace('postgresql', 'mysql')}
model Post {
  id    Int   @id
  tags  Tag[]
}

model Tag {
  id    Int    @id
  posts Post[]
}

model Membership {
  userId  Int
  groupId Int
  role    String

  @@id([groupId, userId])
  @@fulltext([role])
}
`;

afterEach(() => setEngineForTests(undefined));

describe('Prisma schema folders', () => {
  it('flags a foreign key of a model whose datasource is in another file of the folder', async () => {
    await checkFixture(folder, 'missing-index');
  });

  it('takes an enum of another file for a column, not a relation, with or without the engine', async () => {
    for (const engine of [undefined, null]) {
      setEngineForTests(engine);
      const model = (await analyzeFixture(folder)).model();
      const role = field(model.models, 'User', 'role');
      assert.equal(role.relation, undefined);
      assert.deepEqual([role.type, role.column, role.indexed], ['Role', 'role', false]);
      assert.equal(field(model.models, 'Post', 'status').relation, undefined);
      assert.deepEqual(field(model.models, 'Post', 'author').relation?.target, 'User');
      assert.equal(model.prismaSchemas?.length, 1);
      assert.equal(model.prismaSchemas?.[0].files.length, 5);
      assert.equal(model.prismaSchemas?.[0].engine, engine === null ? 'unavailable' : 'validated');
    }
  });

  it('keeps separate schemas apart: a datasource of its own in a subfolder starts another schema', () => {
    const model = modelOf({
      '/p/a/schema.prisma': DATASOURCE,
      '/p/a/user.prisma': 'model User {\n  id Int @id\n  role Role\n}\n',
      '/p/a/b/schema.prisma': DATASOURCE.replace('postgresql', 'mysql'),
      '/p/a/b/enums.prisma': 'enum Role {\n  A\n}\n',
    });
    // `Role` is defined only in the other schema: to the first one it is an unknown type.
    assert.equal(field(model.models, 'User', 'role').relation?.target, 'Role');
    assert.deepEqual(model.prismaSchemas?.map((s) => [s.files.length, s.provider]).sort(), [
      [2, 'mysql'],
      [2, 'postgresql'],
    ]);
  });
});

describe("Prisma's schema engine", () => {
  it('corrects what the parser cannot know: an implicit many-to-many, a composite id, a full-text index that covers no lookup', () => {
    setEngineForTests(null);
    const parsed = modelOf({ '/p/schema.prisma': BLOG });
    assert.equal(field(parsed.models, 'Post', 'tags').relation?.kind, 'one-to-many');
    assert.ok(parsed.models.find((m) => m.name === 'Membership')!.indexes.every((i) => i.source !== '@@fulltext'));

    setEngineForTests(undefined);
    const model = modelOf({ '/p/schema.prisma': BLOG });
    assert.equal(model.prismaSchemas?.[0].engine, 'validated');
    assert.equal(field(model.models, 'Post', 'tags').relation?.kind, 'many-to-many');
    assert.equal(field(model.models, 'Tag', 'posts').relation?.kind, 'many-to-many');
    const membership = model.models.find((m) => m.name === 'Membership')!;
    assert.deepEqual(
      membership.indexes.map((i) => [i.source, i.fields.join(',')]),
      [['@@id', 'groupId,userId']],
    );
    assert.deepEqual(
      membership.fields.map((f) => [f.name, f.indexed]),
      [
        ['userId', false],
        ['groupId', true],
        ['role', false],
      ],
    );
    // Positions stay the parser's: the @@id's line.
    assert.equal(membership.indexes[0].location?.range.start.line, 20);
  });

  it('gives the relation its foreign key scalars from the engine, across files', () => {
    const model = modelOf({
      '/p/schema/schema.prisma': DATASOURCE,
      '/p/schema/user.prisma': 'model User {\n  id    Int\n  org   Int\n  posts Post[]\n\n  @@id([org, id])\n}\n',
      '/p/schema/post.prisma':
        'model Post {\n  id       Int  @id\n  authorId Int\n  orgId    Int\n  author   User @relation(fields: [orgId, authorId], references: [org, id])\n}\n',
    });
    assert.equal(model.prismaSchemas?.[0].engine, 'validated');
    const author = field(model.models, 'Post', 'author');
    assert.deepEqual([author.column, author.relation?.kind, author.relation?.references], ['orgId,authorId', 'many-to-one', ['org', 'id']]);
  });

  it('keeps the last good model while a file is half-typed, and the engine still confirms it', () => {
    const file = '/p/half/schema.prisma';
    const good = prismaFrontend.analyze(file, BLOG);
    const half = prismaFrontend.analyze(file, BLOG.replace('  posts Post[]\n}', '  posts Po'));
    assert.match(half.problems[0].message, /Prisma schema syntax error/);
    const model = buildProjectModel('/p', new Map([[file, half]]));
    assert.deepEqual(
      model.models.map((m) => m.name),
      good.models.map((m) => m.name),
    );
    assert.equal(model.prismaSchemas?.[0].engine, 'validated');
    assert.equal(field(model.models, 'Post', 'tags').relation?.kind, 'many-to-many');
  });

  it('falls back to the parser when the engine rejects a schema the parser reads, and says where', () => {
    // A Prisma 7 datasource has no `url`, which the 6.x engine requires; `Label` is no type at all.
    const text = `datasource db {\n  provider = "postgresql"\n}\n\n// Überschrift 😀: accents and emoji before the error make UTF-8, code point and UTF-16 offsets differ.\nmodel Post {\n  id    Int   @id\n  label Label\n}\n`;
    const model = modelOf({ '/p/v7/schema.prisma': text });
    const [schema] = model.prismaSchemas!;
    assert.equal(schema.engine, 'rejected');
    assert.match(schema.engineError!.message, /Label/);
    assert.deepEqual(schema.engineError!.location?.range, { start: { line: 7, character: 8 }, end: { line: 7, character: 13 } });
    assert.equal(field(model.models, 'Post', 'label').relation?.target, 'Label');
    assert.equal(schema.provider, 'postgresql');
  });

  it('still gives a model when the engine cannot be loaded', () => {
    setEngineForTests(null);
    const model = modelOf({ '/p/none/schema.prisma': BLOG });
    assert.equal(model.prismaSchemas?.[0].engine, 'unavailable');
    assert.match(model.prismaSchemas?.[0].engineError?.message ?? '', /could not be loaded/);
    assert.deepEqual(
      model.models.map((m) => m.name),
      ['Post', 'Tag', 'Membership'],
    );
  });

  it('survives an engine that throws anything', () => {
    setEngineForTests({
      get_dmmf: () => {
        throw new Error('RuntimeError: unreachable');
      },
      lint: () => 'not json',
    });
    const model = modelOf({ '/p/panic/schema.prisma': BLOG });
    assert.deepEqual(
      [model.prismaSchemas?.[0].engine, model.prismaSchemas?.[0].engineError?.message],
      ['rejected', 'RuntimeError: unreachable'],
    );
    assert.equal(model.models.length, 3);
  });
});
