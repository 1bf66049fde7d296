import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture } from '../../support/harness';

const project = join(__dirname, '..', '..', 'fixtures', 'sequelize');

describe('n-plus-one: Sequelize', () => {
  it('flags reads and association getters per loop element', async () => {
    await checkFixture(project, 'n-plus-one');
  });
});
