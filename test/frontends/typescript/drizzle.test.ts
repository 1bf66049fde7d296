import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFixture } from '../../support/harness';

const project = join(__dirname, '..', '..', 'fixtures', 'drizzle');

describe('drizzle', () => {
  it('reads tables, columns, references and the indexes of the third argument', async () => {
    const analyzer = await analyzeFixture(project);
    const posts = analyzer.model().models.find((m) => m.name === 'posts')!;
    assert.equal(posts.table, 'posts');
    assert.deepEqual(
      posts.fields.map((f) => [f.name, f.column, f.relation?.target ?? '', f.indexed]),
      [
        ['id', 'id', '', true],
        ['title', 'title', '', false],
        ['authorId', 'author_id', 'users', false],
        ['editorId', 'editor_id', 'users', true],
        ['slug', 'slug', '', true],
      ],
    );
  });
});
