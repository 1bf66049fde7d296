import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFixture, checkFixture } from '../support/harness';

const project = join(__dirname, '..', 'fixtures', 'mongoose');

describe('mongoose', () => {
  it('reads schemas, references, path and compound indexes, and middleware as signals', async () => {
    const analyzer = await analyzeFixture(project);
    const post = analyzer.model().models.find((m) => m.name === 'Post')!;
    assert.equal(post.stack, 'mongoose');
    assert.deepEqual(
      post.fields.map((f) => [f.name, f.relation?.target ?? '', f.indexed]),
      [
        ['_id', '', true],
        ['title', '', false],
        ['author', 'User', true],
        ['publishedAt', '', false],
      ],
    );
    assert.deepEqual(analyzer.model().signals.filter((s) => s.stack === 'mongoose').map((s) => [s.signal, s.sender]), [['pre save', 'Post']]);
  });

  it('flags reads per loop element', async () => {
    await checkFixture(project, 'n-plus-one');
  });

  it('flags filtered and sorted paths no index leads with', async () => {
    await checkFixture(project, 'missing-index');
  });
});
