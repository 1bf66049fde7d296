import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture } from '../support/harness';

const project = join(__dirname, '..', 'fixtures', 'fastify');

describe('fastify', () => {
  for (const rule of ['insecure-session', 'middleware-order']) {
    it(`${rule}: flags the session plugins' options and their registration order, not the documented set-up`, async () => {
      await checkFixture(project, rule);
    });
  }
});
