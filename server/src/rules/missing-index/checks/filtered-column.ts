import { defineCheck } from '../../check';
import { COLUMN_TEMPLATES } from './column-templates';

/** A query that filters a table on columns no index serves. */
export const filteredColumn = defineCheck({
  rule: 'missing-index',
  name: 'filtered-column',
  severity: 'warning',
  summary: 'A query that filters on columns no index serves: one composite index per query, equality columns first.',
  stacks: ['django', 'typeorm', 'prisma', 'sequelize', 'mongoose'],
  messages: {
    message:
      'No index of `{{model}}` serves `{{query}}` ({{place}}){{more}}: each such query scans the {{table}} table as it grows. Add {{index}}.',
    // TypeScript queries are still judged per column, not yet per query.
    typescript:
      '`{{model}}.{{field}}` is filtered on by {{usages}}, but no index leads with it: each such query scans the whole table as it grows. Add an index, then a migration.',
    typescriptRelatedFilter: 'filters on it',
    relatedFilter: 'filters on {{columns}}: {{query}}',
    ...COLUMN_TEMPLATES,
  },
  docs: {
    what: `**Django**: a query whose conditions no index of the table serves. Each query is judged whole: its equality
tests (\`=\`, \`IN\`, a correlation with an outer query), its range test (\`<\`, \`BETWEEN\`, \`__year\`, \`startswith\`) and
its sort, against every index of the table by leftmost prefix. The query is served, and nothing is reported, when

- some index's leading columns are all tested for equality and one of them is selective (a primary key, a unique
  or foreign key column, any column that is not a boolean nor a short \`choices\` list, nor the content type of a
  generic relation): the database reads the few rows it matches and tests the rest on them, so a sort or a range
  after a selective equality is no finding;
- a unique index (\`unique_together\`, \`UniqueConstraint\`) has all its columns tested for equality;
- without a selective equality, an index gives the range, or the leading sort column, after the equality columns
  it leads with;
- a table the query joins to is served so (\`filter(project__slug=...)\`): the database starts there and reaches the
  others by key.

Indexes are the primary key, \`unique\`, \`db_index\`, \`ForeignKey\` (unless \`db_index=False\`; on MySQL always, unless
\`db_constraint=False\`), \`SlugField\`, \`Meta.indexes\`, \`unique_together\` and \`UniqueConstraint\`. A partial index
serves only queries that also test the columns of its condition; an expression or GIN index serves no plain test.
What is reported is **one index per query**: its selective equality columns, then its range column or its sort.
Queries whose index leads with the same column share one finding, on that field, with the index most of them need;
every query is a related place. The queries are those of \`filter()\`, \`exclude()\`, \`get()\`, \`get_or_create()\`,
\`update_or_create()\` (keywords and \`Q()\` objects, through \`__\` joins, each \`|\` branch on its own), \`in_bulk()\`,
\`order_by()\`, \`latest()\`/\`earliest()\`; a model's \`Meta.ordering\` alone is no reason for an index. Queries in tests,
migrations, seeds and scripts are no evidence. A query that tests only booleans, short choices or null, or whose
conditions are built out of sight (\`filter(**filters)\`, a \`Q\` held in a variable), is not reported. A fix adds the
index to \`Meta.indexes\` (or \`db_index=True\` for one column).

**TypeORM, Prisma, Sequelize, Mongoose** (still judged per column): a column that queries filter on with no index
leading with it: the columns of \`where\` in TypeORM's \`find*\`, \`count*\`, \`exists*\` and QueryBuilder \`where\` strings and
join conditions; Prisma's \`findMany\`, \`findFirst\`, \`count\`, \`updateMany\`, \`deleteMany\`, \`groupBy\`, \`aggregate\`;
Sequelize's \`findAll\`, \`findOne\`, \`count\`, \`findAndCountAll\`, \`destroy\`, \`update\`; Mongoose's filters. Keys,
relations (the foreign-key checks' business), unique, indexed and leading columns, and boolean columns are not
reported. A fix adds \`@Index()\` to the column, or \`@@index([column])\` to the Prisma model.`,
    why: 'Without an index the database reads every row to find the matching ones. It is invisible on a development database and slow, and growing, in production. One index per query, with its equality columns first and its range or sort column last, serves the whole query; an index per column does not.',
    example:
      '```python\nclass Order(models.Model):\n    email = models.EmailField()\n    created = models.DateTimeField()\n\nOrder.objects.filter(email=email, created__gte=since)\n```',
    instead:
      '```python\nclass Order(models.Model):\n    email = models.EmailField()\n    created = models.DateTimeField()\n\n    class Meta:\n        indexes = [models.Index(fields=["email", "created"])]\n```\n\nand a migration (`manage.py makemigrations`).',
  },
});
