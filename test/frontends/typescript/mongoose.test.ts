import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFixture } from '../../support/harness';

const project = join(__dirname, '..', '..', 'fixtures', 'mongoose');

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
    assert.deepEqual(
      analyzer
        .model()
        .signals.filter((s) => s.stack === 'mongoose')
        .map((s) => [s.signal, s.sender]),
      [['pre save', 'Post']],
    );
  });
});
