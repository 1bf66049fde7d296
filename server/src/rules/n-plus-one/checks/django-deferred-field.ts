import { defineCheck } from '../../check';
import { DJANGO_RELATED, PER_ROW_HOVER } from './shared';

/** A field only()/defer() left out, read per row. */
export const djangoDeferredField = defineCheck({
  rule: 'n-plus-one',
  name: 'django-deferred-field',
  severity: 'warning',
  summary: 'A field that `only()` or `defer()` left out, read per row.',
  stacks: ['django'],
  messages: {
    message:
      'N+1 query: {{reads}}{{via}} reads `{{field}}`, which only()/defer() left out, so Django loads it with one query for each {{model}} of `{{queryset}}`.',
    ...DJANGO_RELATED,
  },
  hover: PER_ROW_HOVER,
  docs: {
    what: `A loop over a queryset that reads, on each row, a field of the queried model that \`only()\` does not name or
\`defer()\` names (the primary key is always loaded). A deferred foreign key read through its relation is reported by
\`django-forward-fk\`. No fix: whether to load the field or stop reading it is a person's call.`,
    why: 'Django loads a deferred field on first access, with one query per row.',
    example: '```python\nfor book in Book.objects.only("title"):\n    print(book.title, book.summary)\n```',
    instead: '```python\nfor book in Book.objects.only("title", "summary"):\n    print(book.title, book.summary)\n```',
  },
});
