import { defineCheck } from '../../check';
import { DJANGO_RELATED, DJANGO_RELATED_READ, PER_ROW_HOVER } from './shared';

/** A reverse or many-to-many manager queried once per row. */
export const djangoReverseManager = defineCheck({
  rule: 'n-plus-one',
  name: 'django-reverse-manager',
  severity: 'warning',
  summary: 'A reverse or many-to-many manager queried per row of a queryset that does not prefetch_related() it.',
  stacks: ['django'],
  messages: {
    message:
      'N+1 query: {{reads}}{{via}} queries `{{path}}` once for each {{model}} of `{{queryset}}`. Load them with the rows: prefetch_related("{{lookup}}").',
    count:
      'N+1 query: {{reads}}{{via}} queries `{{path}}` once for each {{model}} of `{{queryset}}`. Load them with the rows: prefetch_related("{{lookup}}"), or annotate the count with Count().',
    newQuery:
      'N+1 query: {{reads}}{{via}} runs a query on `{{path}}` for each {{model}} of `{{queryset}}`, and .{{call}}() builds a new query that prefetch_related cannot serve. Query the related rows of all rows at once before the loop (`{{model}}` keys with `__in`), or use Prefetch(queryset=..., to_attr=...).',
    fix: 'Add prefetch_related("{{lookup}}") to the queryset',
    countFix: 'Annotate the count with Count("{{countBy}}")',
    ...DJANGO_RELATED,
    ...DJANGO_RELATED_READ,
  },
  hover: PER_ROW_HOVER,
  docs: {
    what: `A loop over a queryset's rows (the loops \`django-forward-fk\` follows) that calls a reverse \`ForeignKey\` or a
many-to-many manager of each row without \`prefetch_related\`: \`author.books.all()\`, \`.count()\`, \`.exists()\`, and the
calls that always query (\`.filter()\`, \`.order_by()\`, \`.get()\`, \`.first()\`, ...), also in templates
(\`{{ author.books.count }}\`), serializers and through a model's \`__str__\` or a property. Silent where the path is
prefetched and the call is served from the prefetch cache (\`all\`, \`count\`, \`exists\`); a \`.filter()\` on a
prefetched manager is \`django-prefetch-bypassed\`. Django 6.1's \`fetch_mode(FETCH_PEERS)\` does not silence it: it
batches forward keys, not managers.

Calls that always build a new query (\`.filter()\`, \`.values_list()\`, \`.latest()\`, ...) get no prefetch advice: the
Django docs say chained methods that imply a different query ignore the prefetched cache, so the message suggests one
query for all rows before the loop, or a \`Prefetch\` with a filtered queryset, and no quick fix is offered.

The fix adds \`prefetch_related(...)\` to the queryset (or declares it on a list view). For \`.count()\` on a manager of
the row itself, the preferred fix annotates the count instead (\`.annotate(books_count=Count("books"))\`, importing
\`Count\`, and \`author.books_count\` at each read), where the queryset is an expression in a Python file.`,
    why: 'Each call is one more query per row; a prefetch loads the related rows of all rows with one query, and an annotated count costs none.',
    example: '```python\nfor author in Author.objects.all():\n    for book in author.books.all():\n        print(book.title)\n```',
    instead:
      '```python\nfor author in Author.objects.prefetch_related("books"):\n    for book in author.books.all():\n        print(book.title)\n```',
  },
});
