import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture } from '../../support/harness';

const project = join(__dirname, '..', '..', 'fixtures', 'mikro-orm');

describe('n-plus-one: MikroORM', () => {
  it('flags entity manager reads per loop element', async () => {
    await checkFixture(project, 'n-plus-one');
  });
});
