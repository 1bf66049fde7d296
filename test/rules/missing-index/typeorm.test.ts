import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFixture, checkFixture, fixTests } from '../../support/harness';

const fixtures = join(__dirname, 'fixtures');
const RULE = 'missing-index';

describe('missing-index: TypeORM foreign keys', () => {
  it('flags many-to-one relations without an index on PostgreSQL, and nothing that an index, a unique one-to-one or no constraint covers', async () => {
    await checkFixture(join(fixtures, 'typeorm'), RULE);
  });

  it('stays silent on MySQL, which indexes foreign keys itself', async () => {
    await checkFixture(join(fixtures, 'typeorm-mysql'), RULE);
  });

  describe('quick fix', () => {
    fixTests(join(fixtures, 'typeorm'), 'missing-index/foreign-key', [
      ['Add @Index() to Invoice.payer', 'src/entities.ts', 23, 'src/entities.ts.expected'],
    ]);
  });
});

describe('missing-index: columns TypeScript queries filter and sort on', () => {
  it('flags TypeORM and Prisma where/order columns no index leads with, and not keys, indexed, leading or boolean ones', async () => {
    await checkFixture(join(fixtures, 'ts-columns'), RULE);
  });
});

describe('missing-index: TypeORM QueryBuilder predicates', () => {
  const project = join(fixtures, 'typeorm-querybuilder');

  it('flags where, join-condition and order-by columns of QueryBuilder strings, through join aliases, and not keys, indexed or leading columns, nor what no index serves or no parser reads', async () => {
    await checkFixture(project, RULE);
  });

  it('reads a joined alias as the relation target, and a written-out database column as its property', async () => {
    const analyzer = await analyzeFixture(project);
    const usages = analyzer.model().columnUsages.filter((u) => u.stack === 'typeorm');
    const status = usages.find((u) => u.column === 'status')!;
    assert.deepEqual([status.model, status.through, status.kind], ['User', ['posts'], 'filter']);
    const slug = analyzer.findings().find((f) => f.message.startsWith('`Post.slug`'))!;
    assert.match(slug.message, /`where\('p\.slug_text = :slug'\)`/);
    // Unreadable fragments and fragments without columns give nothing; so does `x.city` (no such alias) and `lower(...)`.
    assert.deepEqual(
      usages.filter((u) => ['bio', 'nickname', 'city'].includes(u.column)),
      [],
    );
  });

  describe('quick fix', () => {
    fixTests(project, 'missing-index/filtered-column', [['Add @Index() to Post.status', 'src/Post.ts', 13, 'src/Post.ts.status.expected']]);
  });
});

describe('TypeORM EntitySchema', () => {
  it('reads columns, relations and indices of the decorator-free form', async () => {
    const analyzer = await analyzeFixture(join(fixtures, 'typeorm'));
    const comment = analyzer.model().models.find((m) => m.name === 'Comment')!;
    assert.equal(comment.table, 'comments');
    assert.deepEqual(
      comment.fields.map((f) => [f.name, f.column, f.type, f.indexed]),
      [
        ['id', 'id', 'Number', true],
        ['body', 'body', 'text', false],
        ['invoice', 'invoiceId', 'many-to-one', false],
        ['author', 'authorId', 'many-to-one', true],
      ],
    );
  });
});
