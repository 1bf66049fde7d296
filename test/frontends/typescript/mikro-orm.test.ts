import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFixture } from '../../support/harness';

const project = join(__dirname, '..', '..', 'fixtures', 'mikro-orm');

describe('mikro-orm', () => {
  it('reads entities, columns, relations, indexes and lifecycle hooks', async () => {
    const analyzer = await analyzeFixture(project);
    const book = analyzer.model().models.find((m) => m.name === 'Book')!;
    assert.equal(book.table, 'books');
    assert.deepEqual(
      book.fields.map((f) => [f.name, f.column, f.relation?.target ?? '', f.indexed]),
      [
        ['id', 'id', '', true],
        ['title', 'title', '', true],
        ['author', 'author_id', 'Author', false],
        ['editor', 'editor_id', 'Author', true],
      ],
    );
    assert.deepEqual(
      analyzer
        .model()
        .signals.filter((s) => s.stack === 'mikro-orm')
        .map((s) => s.handler),
      ['Book.stamp'],
    );
  });
});
