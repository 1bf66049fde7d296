import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFixture, checkFixture, fixTests } from '../support/harness';

const fixtures = join(__dirname, '..', 'fixtures', 'missing-index');
const RULE = 'missing-index';

describe('missing-index: TypeORM foreign keys', () => {
  it('flags many-to-one relations without an index on PostgreSQL, and nothing that an index, a unique one-to-one or no constraint covers', async () => {
    await checkFixture(join(fixtures, 'typeorm'), RULE);
  });

  it('stays silent on MySQL, which indexes foreign keys itself', async () => {
    await checkFixture(join(fixtures, 'typeorm-mysql'), RULE);
  });

  describe('quick fix', () => {
    fixTests(join(fixtures, 'typeorm'), RULE, [['Add @Index() to Invoice.payer', 'src/entities.ts', 23, 'src/entities.ts.expected']]);
  });
});

describe('missing-index: columns TypeScript queries filter and sort on', () => {
  it('flags TypeORM and Prisma where/order columns no index leads with, and not keys, indexed, leading or boolean ones', async () => {
    await checkFixture(join(fixtures, 'ts-columns'), RULE);
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
