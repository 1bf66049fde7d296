import { defineCheck } from '../../check';
import { DJANGO_RELATED, PER_ROW_HOVER } from './shared';

/** A Prefetch whose inner only() leaves out the key back to the parent row. */
export const djangoPrefetchOnlyKey = defineCheck({
  rule: 'n-plus-one',
  name: 'django-prefetch-only-key',
  severity: 'warning',
  summary: 'A `Prefetch(queryset=...only(...))` that leaves out the key back to the parent row.',
  stacks: ['django'],
  messages: {
    message:
      'N+1 query: the Prefetch("{{lookup}}") queryset\'s only() leaves out `{{key}}`, the key back to the parent, so Django reloads it for every prefetched row. Add "{{key}}" to that only().',
    ...DJANGO_RELATED,
  },
  hover: PER_ROW_HOVER,
  docs: {
    what: `A loop that reads a prefetched reverse relation (\`author.books.all()\`, \`.count()\`, \`.exists()\`) whose
\`Prefetch("books", queryset=Book.objects.only(...))\` leaves out the foreign key back to the parent (\`author\`, or its
column \`author_id\`). Silent when that \`only()\` names the key.`,
    why: 'Django needs the key to hand each prefetched row to its parent: it loads the deferred key with one query per prefetched row.',
    example:
      '```python\nauthors = Author.objects.prefetch_related(Prefetch("books", queryset=Book.objects.only("title")))\nfor author in authors:\n    print(len(author.books.all()))\n```',
    instead: '```python\nauthors = Author.objects.prefetch_related(Prefetch("books", queryset=Book.objects.only("title", "author")))\n```',
  },
});
