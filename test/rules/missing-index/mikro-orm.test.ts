import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture } from '../../support/harness';

const project = join(__dirname, '..', '..', 'fixtures', 'mikro-orm');

describe('missing-index: MikroORM', () => {
  it('flags unindexed many-to-one relations on PostgreSQL', async () => {
    await checkFixture(project, 'missing-index');
  });
});
