import { defineCheck } from '../../check';
import { DJANGO_RELATED, PER_ROW_HOVER } from './shared';

/** `book.author.id` per row: the key is already on the row. */
export const djangoFkId = defineCheck({
  rule: 'n-plus-one',
  name: 'django-fk-id',
  severity: 'warning',
  summary: 'The id of a related row read through the relation (`book.author.id`) where the row holds it (`book.author_id`).',
  stacks: ['django'],
  messages: {
    message:
      'N+1 query: {{reads}}{{via}} loads the whole `{{path}}` row for each {{model}} of `{{queryset}}` just to read its id, which the row already holds as `{{column}}`.',
    fix: 'Read {{column}} instead',
    ...DJANGO_RELATED,
  },
  hover: PER_ROW_HOVER,
  docs: {
    what: `A loop over a queryset's rows (the loops \`django-forward-fk\` follows) that reads \`.id\` or \`.pk\` through a
forward key the queryset does not join: \`book.author.id\`. Silent where the relation is joined or prefetched, and on
\`book.author_id\` itself. The fix replaces every such read in the loop with the key's column.`,
    why: 'Django loads the whole related row, one query per row, to hand back a value the row already has in its key column.',
    example: '```python\nreturn [book.author.id for book in Book.objects.all()]\n```',
    instead: '```python\nreturn [book.author_id for book in Book.objects.all()]\n```',
  },
});
