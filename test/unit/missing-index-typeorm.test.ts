import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture, fixTests } from '../support/harness';

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
