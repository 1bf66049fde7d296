import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture, fixTests } from '../../support/harness';

const project = join(__dirname, '..', '..', 'fixtures', 'fastify');

describe('middleware-order: Fastify', () => {
  it('a helper called before the cookie plugin is flagged once, where it registers the session; the look-alikes are not', async () => {
    await checkFixture(project, 'middleware-order', [
      'src/helpers/session-setup.ts',
      'src/helpers/setup.ts',
      'src/helpers/flagged-app.ts',
      'src/helpers/clean-app.ts',
    ]);
  });

  it("flags the session plugins' registration order, not the documented set-up", async () => {
    await checkFixture(project, 'middleware-order');
  });

  describe('quick fixes', () => {
    fixTests(project, 'middleware-order', [
      ['Move @fastify/cookie before @fastify/session', 'src/order-fix.ts', 9, 'src/order-fix.ts.expected'],
    ]);
  });
});
