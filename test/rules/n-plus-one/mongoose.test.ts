import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture } from '../../support/harness';

const project = join(__dirname, '..', '..', 'fixtures', 'mongoose');

describe('n-plus-one: Mongoose', () => {
  it('flags reads per loop element', async () => {
    await checkFixture(project, 'n-plus-one');
  });
});
