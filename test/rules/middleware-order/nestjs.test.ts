import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture, fixTests } from '../../support/harness';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'nestjs');

describe('middleware-order: NestJS', () => {
  for (const dir of ['order', 'passport', 'no-session', 'clean', 'controller-guards', 'controller-guards-clean', 'bound', 'fastify']) {
    it(dir, async () => {
      await checkFixture(join(fixtures, dir), 'middleware-order');
    });
  }

  describe('quick fixes', () => {
    fixTests(join(fixtures, 'order'), 'middleware-order', [
      ['Move session before sessionUser', 'src/admin/admin.module.ts', 11, 'src/admin/admin.module.ts.expected'],
    ]);
    fixTests(join(fixtures, 'fastify'), 'middleware-order', [
      ['Move @fastify/cookie before @fastify/session', 'src/admin/main.ts', 10, 'src/admin/main.ts.expected'],
    ]);
  });
});
