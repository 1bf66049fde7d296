import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture } from '../../support/harness';

describe('n-plus-one: Prisma', () => {
  const project = join(__dirname, 'fixtures', 'prisma');
  it('flags client calls per loop element that Prisma does not batch', async () => {
    await checkFixture(project, 'n-plus-one', ['src/flagged.ts']);
  });

  it('stays silent on findUnique batched in one tick, set-based reads and include', async () => {
    await checkFixture(project, 'n-plus-one', ['src/clean.ts']);
  });
});
