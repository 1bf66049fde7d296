import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture } from '../../support/harness';

const project = join(__dirname, '..', '..', 'fixtures', 'drizzle');

describe('n-plus-one: Drizzle', () => {
  it('flags selects and relational queries per loop element, not inArray or with', async () => {
    await checkFixture(project, 'n-plus-one');
  });
});
