import { defineCheck } from '../../check';
import { DJANGO_RELATED, PER_ROW_HOVER } from './shared';

/** A query method on a prefetched manager: it ignores the prefetch cache. */
export const djangoPrefetchBypassed = defineCheck({
  rule: 'n-plus-one',
  name: 'django-prefetch-bypassed',
  severity: 'warning',
  summary: '`.filter()` (or another new query) on a prefetched manager, which ignores the prefetch cache.',
  stacks: ['django'],
  messages: {
    message:
      'N+1 query: {{reads}}{{via}} runs a new query for each {{model}} of `{{queryset}}`: .{{call}}() on a related manager ignores the prefetch_related("{{lookup}}") cache. Filter in a Prefetch("{{lookup}}", queryset=..., to_attr=...) instead.',
    ...DJANGO_RELATED,
  },
  hover: PER_ROW_HOVER,
  docs: {
    what: `A loop over a queryset that prefetches a reverse or many-to-many relation, calling a method of that manager
that builds a new query per row: \`.filter()\`, \`.exclude()\`, \`.order_by()\`, \`.get()\`, \`.first()\`, \`.last()\`,
\`.latest()\`, \`.earliest()\`, \`.aggregate()\`, \`.annotate()\`, \`.values()\`, \`.values_list()\`, \`.distinct()\`,
\`.in_bulk()\`. Silent on \`.all()\`, \`.count()\` and \`.exists()\`, which the prefetch serves. No fix: the filter has to
move into a \`Prefetch\` object, which a person writes.`,
    why: 'The prefetch query runs and its rows are never used, and every row still runs its own query: the cost of both.',
    example:
      '```python\nfor author in Author.objects.prefetch_related("books"):\n    print(author.books.filter(title__startswith="A"))\n```',
    instead:
      '```python\nauthors = Author.objects.prefetch_related(\n    Prefetch("books", queryset=Book.objects.filter(title__startswith="A"), to_attr="a_books")\n)\nfor author in authors:\n    print(author.a_books)\n```',
  },
});
