import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { prismaFrontend } from '../../../server/src/frontends/prisma';
import { analyzeFixture } from '../../support/harness';

const fixtures = join(__dirname, '..', '..', 'rules');

describe('prisma frontend', () => {
  const schema =
    'datasource db {\n  provider = "postgresql"\n}\n\nmodel Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n  tags     Tag[]\n  @@index([authorId])\n  @@map("posts")\n}\n';

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
    assert.deepEqual(
      post.indexes.map((i) => [i.fields.join(','), i.source]),
      [
        ['id', '@id'],
        ['authorId', '@@index'],
      ],
    );
    assert.deepEqual(post.fields[2].location.range.start, { line: 7, character: 2 });
    assert.deepEqual(facts.databases, ['postgresql']);
  });

  it('keeps the last schema that parsed while a model is half-typed, and says why', () => {
    const file = '/p/prisma/half.prisma';
    prismaFrontend.analyze(file, schema);
    const half = prismaFrontend.analyze(file, schema.replace('  @@map("posts")\n}', '  titl'));
    assert.match(half.problems[0].message, /Prisma schema syntax error/);
    assert.deepEqual(
      half.models.map((m) => m.name),
      ['Post'],
    );
    for (let end = 0; end <= schema.length; end += 5) prismaFrontend.analyze('/p/prisma/prefix.prisma', schema.slice(0, end));
  });
});

describe('prisma hooks', () => {
  it('lists query extensions per model and operation as signals', async () => {
    const analyzer = await analyzeFixture(join(fixtures, 'n-plus-one', 'fixtures', 'prisma'));
    assert.deepEqual(
      analyzer
        .model()
        .signals.filter((s) => s.stack === 'prisma')
        .map((s) => [s.signal, s.sender ?? null]),
      [
        ['query.findMany', 'user'],
        ['query.$allOperations', null],
      ],
    );
  });
});
