import { defineCheck } from '../../check';
import { COLUMN_TEMPLATES } from './column-templates';

/** A column that queries only sort on, with no index that leads with it. */
export const sortedColumn = defineCheck({
  rule: 'missing-index',
  name: 'sorted-column',
  severity: 'info',
  summary: 'A field that queries sort on (and none filters on), with no index that leads with it.',
  stacks: ['django', 'typeorm', 'prisma', 'sequelize', 'mongoose'],
  messages: {
    django:
      '`{{model}}.{{field}}` is sorted on by {{usages}}, {{lead}}: each such query sorts the whole table as it grows. Add an index, then a migration (manage.py makemigrations).{{note}}',
    typescript: '`{{model}}.{{field}}` is sorted on by {{usages}}, but no index leads with it: each such query sorts the whole table as it grows. Add an index, then a migration.',
    ...COLUMN_TEMPLATES,
  },
  docs: {
    what: `A field that queries sort on, that no index leads with, and that no query filters on (then it is
\`missing-index/filtered-column\`). One finding per field, on its declaration, listing every query that uses it.

- **Django**: the fields of \`order_by()\` (also through \`__\` joins) and of \`Meta.ordering\`, which applies to every
  query of the model. \`order_by()\` on several fields that one composite index leads with, in that order, is served
  by the index. What counts as covered is as for \`missing-index/filtered-column\`. \`order_by("?")\` is not reported.
  A fix adds the index to \`Meta.indexes\`, or sets \`db_index=True\`.
- **TypeORM**: the columns of \`order\` in \`find*\`, and of a QueryBuilder's \`orderBy\`/\`addOrderBy\`. A fix adds
  \`@Index()\` to the column.
- **Prisma**: the columns of \`orderBy\` in \`findMany\`, \`findFirst(OrThrow)\`, \`count\`, \`groupBy\` and
  \`aggregate\`. A fix adds \`@@index([column])\` to the model.
- **Sequelize**: the columns of \`order\` in \`findAll\`, \`findOne\`, \`count\` and \`findAndCountAll\`. **Mongoose**: the
  keys of a \`.sort({...})\` chained on a query.

Keys, relations, unique, indexed and leading columns, and boolean columns are not reported.`,
    why: 'Without an index the database reads and sorts the whole table before it returns the first rows, on every such query; with `LIMIT`, an index would let it read only those. It is invisible on a development database and slow, and growing, in production.',
    example: '```python\nclass Article(models.Model):\n    published = models.DateTimeField()\n\n    class Meta:\n        ordering = ["-published"]\n```',
    instead:
      '```python\nclass Article(models.Model):\n    published = models.DateTimeField()\n\n    class Meta:\n        ordering = ["-published"]\n        indexes = [models.Index(fields=["published"])]\n```\n\nand a migration (`manage.py makemigrations`).',
  },
});
