// Queries reached through project functions, followed by binding (class fields, injected parameters, barrels,
// path aliases, base classes, recursion), and loops that are not one query per element.
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkFixture } from '../../support/harness';

const project = join(__dirname, 'fixtures', 'call-graph');

describe('n-plus-one: calls followed by binding', () => {
  it('flags loops that reach a query through project functions, at any depth, across files', async () => {
    await checkFixture(project, 'n-plus-one', ['src/posts/flagged.service.ts', 'src/evaluators/runner.ts']);
  });

  it('stays silent on look-alike names, batched findUnique calls, retries, pages and memoised lookups', async () => {
    await checkFixture(project, 'n-plus-one', ['src/posts/clean.service.ts', 'src/posts/post.resolver.ts']);
  });
});
