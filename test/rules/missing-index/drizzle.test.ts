import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture } from '../../support/harness';

const project = join(__dirname, '..', '..', 'fixtures', 'drizzle');

describe('missing-index: Drizzle', () => {
  it('flags references no index leads with on PostgreSQL', async () => {
    await checkFixture(project, 'missing-index');
  });
});
