import { defineCheck } from '../../check';
import { COLUMN_TEMPLATES } from './column-templates';

/** A column that queries filter on, with no index that leads with it. */
export const filteredColumn = defineCheck({
  rule: 'missing-index',
  name: 'filtered-column',
  severity: 'warning',
  summary: 'A field that queries filter on, with no index that leads with it.',
  stacks: ['django', 'typeorm', 'prisma', 'sequelize', 'mongoose'],
  messages: {
    django:
      '`{{model}}.{{field}}` is filtered on by {{usages}}, {{lead}}: each such query scans the whole table as it grows. Add an index, then a migration (manage.py makemigrations).{{note}}',
    typescript: '`{{model}}.{{field}}` is filtered on by {{usages}}, but no index leads with it: each such query scans the whole table as it grows. Add an index, then a migration.',
    typescriptRelatedFilter: 'filters on it',
    ...COLUMN_TEMPLATES,
  },
  docs: {
    what: `A field that queries filter on, that no index leads with. One finding per field, on its declaration, listing
every query that uses it (a field that queries only sort on is \`missing-index/sorted-column\`).

- **Django**: the fields \`filter()\`, \`exclude()\`, \`get()\`, \`get_or_create()\` and \`update_or_create()\` use, also
  through \`__\` joins (\`author__name\` means \`Author.name\`). Covered are: the primary key, \`unique\` fields,
  \`ForeignKey\` and \`OneToOneField\` (unless \`db_index=False\`; on MySQL always, unless \`db_constraint=False\`),
  \`SlugField\`, \`db_index=True\`, and the **leading** column of \`Meta.indexes\`, \`unique_together\` and
  \`UniqueConstraint\`. A column later in a composite index is not covered; a partial index (\`condition=Q(...)\`)
  covers only the queries that also filter on its condition's fields. Boolean fields and many-to-many fields are not
  reported. A fix adds the index to \`Meta.indexes\`, or sets \`db_index=True\`.
- **TypeORM**: the columns of \`where\` in \`find*\`, \`count*\` and \`exists*\` (and of \`findBy\`'s argument), and the
  columns a QueryBuilder's \`where\`/\`andWhere\`/\`orWhere\` strings (also inside \`Brackets\`) and join conditions name
  (\`'p.status = :status'\` after \`.leftJoin('u.posts', 'p')\` is \`Post.status\`), read with a SQL parser; a column
  under a function (\`lower(u.email)\`) or \`ILIKE\`/JSON operators is left out. A fix adds \`@Index()\` to the column.
- **Prisma**: the columns of \`where\` in \`findMany\`, \`findFirst(OrThrow)\`, \`count\`, \`updateMany\`, \`deleteMany\`,
  \`groupBy\` and \`aggregate\` (\`findUnique\` only takes unique keys). A fix adds \`@@index([column])\` to the model.
- **Sequelize**: the columns of \`where\` in \`findAll\`, \`findOne\`, \`count\`, \`findAndCountAll\`, \`destroy\` and
  \`update\`. **Mongoose**: the keys of the filter of \`find\`, \`findOne\`, \`countDocuments\`, \`exists\`,
  \`updateMany\`, \`deleteMany\` and \`findOneAndUpdate\` (not \`$\` operators).

Keys, relations (the foreign-key checks' business), unique, indexed and leading columns, and boolean columns are not
reported.`,
    why: 'Without an index the database reads every row to find the matching ones. It is invisible on a development database and slow, and growing, in production.',
    example: '```python\nclass Book(models.Model):\n    published = models.DateField()\n\nBook.objects.filter(published__year=2024)\n```',
    instead:
      '```python\nclass Book(models.Model):\n    published = models.DateField()\n\n    class Meta:\n        indexes = [models.Index(fields=["published"])]\n```\n\nand a migration (`manage.py makemigrations`).',
  },
});
