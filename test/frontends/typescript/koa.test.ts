import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFixture } from '../../support/harness';

const project = join(__dirname, '..', '..', 'fixtures', 'koa');

describe('koa', () => {
  it('reads the app chain in order, with roles and the app keys', async () => {
    const analyzer = await analyzeFixture(project);
    const chain = analyzer.model().middleware.find((c) => c.stack === 'koa' && c.file.endsWith('clean.ts'))!;
    assert.deepEqual(
      chain.entries.map((e) => e.role),
      ['error-handler', 'session', 'routes'],
    );
    assert.equal(chain.keys?.value.kind, 'list');
  });
});
