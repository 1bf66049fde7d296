import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { prismaFrontend } from '../../server/src/frontends/prisma';
import { analyzeFixture, checkFixture, fixTests } from '../support/harness';

const fixtures = join(__dirname, '..', 'fixtures');

describe('prisma frontend', () => {
  const schema = 'datasource db {\n  provider = "postgresql"\n}\n\nmodel Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n  tags     Tag[]\n  @@index([authorId])\n  @@map("posts")\n}\n';

  it('reads models, keys, relations with their foreign key scalars, indexes and the provider', () => {
    const facts = prismaFrontend.analyze('/p/prisma/schema.prisma', schema);
    const [post] = facts.models;
    assert.equal(post.table, 'posts');
    assert.deepEqual(
      post.fields.map((f) => [f.name, f.column, f.relation?.kind ?? '', f.indexed]),
      [
        ['id', 'id', '', true],
        ['authorId', 'authorId', '', true],
        ['author', 'authorId', 'many-to-one', true],
        ['tags', 'tags', 'one-to-many', false],
      ],
    );
    assert.deepEqual(post.indexes.map((i) => [i.fields.join(','), i.source]), [['id', '@id'], ['authorId', '@@index']]);
    assert.deepEqual(post.fields[2].location.range.start, { line: 7, character: 2 });
    assert.deepEqual(facts.databases, ['postgresql']);
  });

  it('keeps the last schema that parsed while a model is half-typed, and says why', () => {
    const file = '/p/prisma/half.prisma';
    prismaFrontend.analyze(file, schema);
    const half = prismaFrontend.analyze(file, schema.replace('  @@map("posts")\n}', '  titl'));
    assert.match(half.problems[0].message, /Prisma schema syntax error/);
    assert.deepEqual(half.models.map((m) => m.name), ['Post']);
    for (let end = 0; end <= schema.length; end += 5) prismaFrontend.analyze('/p/prisma/prefix.prisma', schema.slice(0, end));
  });
});

describe('n-plus-one: Prisma', () => {
  const project = join(fixtures, 'n-plus-one', 'prisma');
  it('flags client calls per loop element that Prisma does not batch', async () => {
    await checkFixture(project, 'n-plus-one', ['src/flagged.ts']);
  });

  it('stays silent on findUnique batched in one tick, set-based reads and include', async () => {
    await checkFixture(project, 'n-plus-one', ['src/clean.ts']);
  });
});

describe('missing-index: Prisma foreign keys', () => {
  it('flags relation scalars no index leads with, on PostgreSQL', async () => {
    await checkFixture(join(fixtures, 'missing-index', 'prisma'), 'missing-index');
  });

  it('stays silent on MySQL, which indexes foreign keys', async () => {
    await checkFixture(join(fixtures, 'missing-index', 'prisma-mysql'), 'missing-index');
  });

  it('flags relation scalars with relationMode = "prisma", even on MySQL: there is no foreign key', async () => {
    await checkFixture(join(fixtures, 'missing-index', 'prisma-fixes'), 'missing-index');
  });

  describe('quick fix (relationMode = "prisma" has no foreign keys, even on MySQL)', () => {
    fixTests(join(fixtures, 'missing-index', 'prisma-fixes'), 'missing-index/emulated-relation', [['Add @@index([authorId]) to Post', 'prisma/schema.prisma', 15, 'prisma/schema.prisma.expected']]);
  });
});

describe('prisma hooks', () => {
  it('lists query extensions per model and operation as signals', async () => {
    const analyzer = await analyzeFixture(join(fixtures, 'n-plus-one', 'prisma'));
    assert.deepEqual(
      analyzer.model().signals.filter((s) => s.stack === 'prisma').map((s) => [s.signal, s.sender ?? null]),
      [
        ['query.findMany', 'user'],
        ['query.$allOperations', null],
      ],
    );
  });
});
