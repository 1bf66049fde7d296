import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture } from '../../support/harness';

const project = join(__dirname, '..', '..', 'fixtures', 'fastify');

describe('insecure-session: Fastify', () => {
  it("flags the session plugins' options, not the documented set-up", async () => {
    await checkFixture(project, 'insecure-session');
  });
});
