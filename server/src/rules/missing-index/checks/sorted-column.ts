import { defineCheck } from '../../check';
import { COLUMN_TEMPLATES } from './column-templates';

/** A query that only sorts a table, on columns no index gives in order. */
export const sortedColumn = defineCheck({
  rule: 'missing-index',
  name: 'sorted-column',
  severity: 'info',
  summary: 'A query that filters nothing and sorts the table on columns no index gives in order.',
  stacks: ['django', 'typeorm', 'prisma', 'sequelize', 'mongoose'],
  messages: {
    message:
      'No index of `{{model}}` gives the order of `{{query}}` ({{place}}){{more}}: each such query sorts the whole {{table}} table before it returns a row. Add {{index}}.',
    // TypeScript queries are still judged per column, not yet per query.
    typescript:
      '`{{model}}.{{field}}` is sorted on by {{usages}}, but no index leads with it: each such query sorts the whole table as it grows. Add an index, then a migration.',
    ...COLUMN_TEMPLATES,
  },
  docs: {
    what: `**Django**: a query that filters on no selective column, sorts the table (\`order_by()\`, \`latest()\`,
\`earliest()\`) and reads a few rows (a slice \`[:20]\`, \`first()\`, \`latest()\`), where no index gives its leading
sort column. A sorted query without a limit reads every row whatever the indexes, and is not reported. Queries are judged as for
\`missing-index/filtered-column\`: a sort after a selective equality filter is served by the filter's index and is
not reported, and neither is a model's default ordering (\`Meta.ordering\`) alone. One finding per table and leading
column, with every query as a related place; queries in tests, migrations, seeds and scripts are no evidence.
\`order_by("?")\` is not reported.

**TypeORM, Prisma, Sequelize, Mongoose** (still judged per column): a column that queries sort on (\`order\`,
\`orderBy\`, \`.sort()\`), that no index leads with and no query filters on. A fix adds \`@Index()\` to the column, or
\`@@index([column])\` to the Prisma model.`,
    why: 'Without an index the database reads and sorts the whole table before it returns the first rows, on every such query; with `LIMIT`, an index would let it read only those.',
    example: '```python\nArticle.objects.order_by("-published")[:20]\n```',
    instead:
      '```python\nclass Article(models.Model):\n    published = models.DateTimeField()\n\n    class Meta:\n        indexes = [models.Index(fields=["published"])]\n```\n\nand a migration (`manage.py makemigrations`).',
  },
});
