import { defineCheck } from '../../check';
import { DJANGO_RELATED, DJANGO_RELATED_READ, PER_ROW_HOVER } from './shared';

/** A related row read per row of a queryset that does not join it. */
export const djangoForwardFk = defineCheck({
  rule: 'n-plus-one',
  name: 'django-forward-fk',
  severity: 'warning',
  summary: 'A ForeignKey or OneToOneField read per row of a queryset that does not select_related() it.',
  stacks: ['django'],
  messages: {
    message:
      'N+1 query: {{reads}}{{via}} loads `{{path}}` with its own query for each {{model}} of `{{queryset}}`. Load it with the rows: select_related("{{suggest}}").',
    deferredKey:
      'N+1 query: {{reads}}{{via}} loads `{{path}}` with its own query for each {{model}} of `{{queryset}}`, and only()/defer() leaves its key out so each row first reloads the key. Keep the key and join the row: add "{{key}}" to only() and select_related("{{suggest}}") (select_related on a deferred key raises FieldError).',
    fix: 'Add select_related("{{suggest}}") to the queryset',
    listFix: 'Set list_select_related = ["{{suggest}}"]',
    ...DJANGO_RELATED,
    ...DJANGO_RELATED_READ,
  },
  hover: PER_ROW_HOVER,
  docs: {
    what: `A loop over a queryset's rows that reads through a forward \`ForeignKey\` or \`OneToOneField\` (or a reverse
one-to-one) the queryset does not join: \`book.author.name\`, also through several hops (\`book.author.publisher.name\`
needs \`select_related("author__publisher")\`) and past a no-argument \`select_related()\`, which skips nullable keys.
A loop is a \`for\` statement or a comprehension (following the variable that holds the queryset, and querysets a
helper returns or receives), a template's \`{% for %}\` over a context name a view fills with a queryset (\`render()\` and
\`ListView\`), a Django REST framework serializer fed by a view's \`queryset\` (nested serializers, \`source="author.name"\`,
\`StringRelatedField\`, \`SlugRelatedField\`, \`SerializerMethodField\`, \`Meta.depth\`) and an admin's \`list_display\` (with
the \`select_related()\` Django adds by itself). Reads hidden in the model's \`__str__\` (\`str(book)\`, \`{{ book }}\`) or
in a property count too. When \`only()\`/\`defer()\` also leaves the key out, the message says so.

It stays silent where the queryset (or its manager's \`get_queryset()\`) already joins or prefetches the path, on
\`_id\` attributes, on \`values()\`/\`values_list()\` rows, on a single object (\`get()\`), and under Django 6.1's
\`fetch_mode(FETCH_PEERS)\` (or \`FETCH_RAISE\`). The fix adds \`select_related(...)\` to the queryset, declares
\`queryset = Model.objects.select_related(...)\` on a list view that only names its model, or sets an admin's
\`list_select_related\`; none is offered when the key is deferred (\`select_related\` on a deferred key raises
\`FieldError\`) or the admin already sets \`list_select_related\`.`,
    why: "Each access runs one more query: a page listing 50 books that reads `book.author.name` runs 51 queries instead of 1. It is fast on a developer's ten rows and slow in production.",
    example: '```python\nfor book in Book.objects.filter(published__year=2024):\n    print(book.title, book.author.name)\n```',
    instead:
      '```python\nfor book in Book.objects.filter(published__year=2024).select_related("author"):\n    print(book.title, book.author.name)\n```',
  },
});
