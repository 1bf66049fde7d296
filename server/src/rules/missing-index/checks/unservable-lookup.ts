import { defineCheck } from '../../check';

/** Django lookups that wrap the column in UPPER() or match it with a leading wildcard: a B-tree index cannot serve them. */
export const unservableLookup = defineCheck({
  rule: 'missing-index',
  name: 'unservable-lookup',
  severity: 'hint',
  summary: 'A case-insensitive, contains, ends-with or regex lookup that a plain index cannot serve.',
  stacks: ['django'],
  messages: {
    message:
      '`{{model}}.{{field}}` is matched by {{usages}}, which {{served}}: the column is wrapped in UPPER() or matched with a leading wildcard. It needs {{needs}}.',
    indexed: 'its index cannot serve',
    unindexed: 'no plain index could serve',
    upperIndex: 'an expression index on Upper() (or a citext column)',
    upperPatternIndex: 'an expression index on Upper() with a pattern operator class',
    trigramIndex: 'a trigram index (GinIndex with gin_trgm_ops, PostgreSQL pg_trgm)',
    related: 'filters on it: {{written}}',
  },
  docs: {
    what: `Django lookups \`iexact\`, \`istartswith\`, \`contains\`, \`icontains\`, \`endswith\`, \`iendswith\`, \`regex\` and
\`iregex\` on a field, in \`filter()\`, \`exclude()\`, \`get()\`, \`get_or_create()\` or \`update_or_create()\` (also through
\`__\` joins). Reported on an indexed field, whose index they cannot use, and on an unindexed field that no other query
filters or sorts on (otherwise \`missing-index/filtered-column\` or \`missing-index/sorted-column\` reports the field and
notes these lookups). The message names the index that would serve them: an \`Upper()\` expression index (\`iexact\`,
\`istartswith\`) or a trigram index (the others). \`exact\`, \`startswith\`, ranges and dates are not reported. No quick fix.`,
    why: "A plain B-tree index orders the column as stored: `UPPER(name) = UPPER(%s)` and `LIKE '%term%'` cannot search it, so the database reads every row however the column is indexed.",
    example:
      '```python\nclass Customer(models.Model):\n    email = models.EmailField(unique=True)\n\nCustomer.objects.get(email__iexact=address)\n```',
    instead:
      '```python\nfrom django.db.models.functions import Upper\n\nclass Customer(models.Model):\n    email = models.EmailField(unique=True)\n\n    class Meta:\n        indexes = [models.Index(Upper("email"), name="customer_email_upper")]\n```\n\nor store the address normalised and filter with `exact`; for `icontains`, a `GinIndex` with `gin_trgm_ops` (PostgreSQL, `pg_trgm`).',
  },
});
