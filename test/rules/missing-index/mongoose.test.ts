import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture } from '../../support/harness';

const project = join(__dirname, '..', '..', 'fixtures', 'mongoose');

describe('missing-index: Mongoose', () => {
  it('flags filtered and sorted paths no index leads with', async () => {
    await checkFixture(project, 'missing-index');
  });
});
