import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture } from '../../support/harness';

const project = join(__dirname, '..', '..', 'fixtures', 'sequelize');

describe('missing-index: Sequelize', () => {
  it('flags foreign keys no index or migration covers', async () => {
    await checkFixture(project, 'missing-index');
  });
});
