import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture } from '../../support/harness';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'nestjs');

describe('insecure-session: NestJS', () => {
  it("the NestJS docs' Fastify example has a hard-coded secret", async () => {
    await checkFixture(join(fixtures, 'fastify'), 'insecure-session');
  });
});
