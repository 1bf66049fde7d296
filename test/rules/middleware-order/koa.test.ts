import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture } from '../../support/harness';

const project = join(__dirname, '..', '..', 'fixtures', 'koa');

describe('middleware-order: Koa', () => {
  it('flags the flagged app and not the clean one', async () => {
    await checkFixture(project, 'middleware-order');
  });
});
