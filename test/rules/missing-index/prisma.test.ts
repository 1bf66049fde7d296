import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture, fixTests } from '../../support/harness';

const fixtures = join(__dirname, 'fixtures');

describe('missing-index: Prisma foreign keys', () => {
  it('flags relation scalars no index leads with, on PostgreSQL', async () => {
    await checkFixture(join(fixtures, 'prisma'), 'missing-index');
  });

  it('stays silent on MySQL, which indexes foreign keys', async () => {
    await checkFixture(join(fixtures, 'prisma-mysql'), 'missing-index');
  });

  it('flags relation scalars with relationMode = "prisma", even on MySQL: there is no foreign key', async () => {
    await checkFixture(join(fixtures, 'prisma-fixes'), 'missing-index');
  });

  describe('quick fix (relationMode = "prisma" has no foreign keys, even on MySQL)', () => {
    fixTests(join(fixtures, 'prisma-fixes'), 'missing-index/emulated-relation', [
      ['Add @@index([authorId]) to Post', 'prisma/schema.prisma', 15, 'prisma/schema.prisma.expected'],
    ]);
  });
});
