import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFixture } from '../../support/harness';

const project = join(__dirname, '..', '..', 'fixtures', 'sequelize');

describe('sequelize', () => {
  it('reads models from init(), foreign keys from associations, indexes from the model and from migrations, and hooks', async () => {
    const analyzer = await analyzeFixture(project);
    const post = analyzer.model().models.find((m) => m.name === 'Post')!;
    assert.equal(post.table, 'Posts');
    assert.deepEqual(
      post.fields.map((f) => [f.name, f.relation?.target ?? '', f.indexed]),
      [
        ['id', '', true],
        ['title', '', false],
        ['editorId', 'users', true],
        ['authorId', 'User', false],
        ['reviewerId', 'User', true],
      ],
    );
    assert.deepEqual(
      analyzer
        .model()
        .signals.filter((s) => s.stack === 'sequelize')
        .map((s) => [s.signal, s.sender])
        .sort(),
      [
        ['afterDestroy', 'Post'],
        ['beforeCreate', 'Comment'],
        ['beforeCreate', 'User'],
      ],
    );
    const tag = analyzer.model().models.find((m) => m.name === 'Tag')!;
    assert.deepEqual(
      tag.fields.map((f) => [f.name, f.primaryKey, f.indexed]),
      [
        ['id', true, true],
        ['label', false, true],
      ],
      'a Sequelize 7 model',
    );
    const comment = analyzer.model().models.find((m) => m.name === 'Comment')!;
    assert.equal(comment.table, 'comments');
    assert.deepEqual(
      comment.fields.map((f) => [f.name, f.relation?.target ?? '', f.indexed]),
      [
        ['id', '', true],
        ['body', '', true],
        ['postId', 'Post', true],
        ['userId', 'User', false],
      ],
    );
  });
});
