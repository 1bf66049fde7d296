import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture } from '../support/harness';

const project = join(__dirname, '..', 'fixtures', 'middleware-order', 'express');
const RULE = 'middleware-order';

describe('middleware-order: Express', () => {
  it('flags middleware registered before what it reads, after the routes it should cover, and an early error handler', async () => {
    await checkFixture(project, RULE, ['src/flagged.ts']);
  });

  it('applies the same rules to the Express middleware of a NestJS app', async () => {
    await checkFixture(project, RULE, ['src/nest-main.ts']);
  });

  it('stays silent on the documented order, per-route parsers and path-scoped middleware', async () => {
    await checkFixture(project, RULE, ['src/clean.ts']);
  });
});
