import type { Rule } from '../rule';
import { checkDjangoIndexes } from './django';
import { checkDrizzleForeignKeys } from './drizzle';
import { checkMikroOrmForeignKeys } from './mikro-orm';
import { checkPrismaForeignKeys } from './prisma';
import { checkSequelizeForeignKeys } from './sequelize';
import { checkTypescriptColumns } from './ts-columns';
import { checkTypeormForeignKeys } from './typeorm';

export const missingIndex: Rule = {
  id: 'missing-index',
  summary: 'A field that queries filter or sort on, with no index that leads with it.',
  defaultSeverity: 'warning',
  docs: `## What it finds

Fields that \`filter()\`, \`exclude()\`, \`get()\`, \`get_or_create()\`, \`update_or_create()\` or \`order_by()\` use
(also through \`__\` joins, so \`author__name\` means \`Author.name\`), and \`Meta.ordering\` fields, that no index
covers. Covered are: the primary key, \`unique\` fields, \`ForeignKey\` and \`OneToOneField\` (unless
\`db_index=False\`; on MySQL always), \`SlugField\`, \`db_index=True\`, and the **leading** column of
\`Meta.indexes\`, \`unique_together\` and \`UniqueConstraint\`. A column later in a composite index is not covered;
a partial index (\`condition=Q(...)\`) covers only the queries that also filter on its condition's fields.
Boolean fields are not reported (an index rarely helps them).

\`iexact\`, \`istartswith\`, \`contains\`, \`icontains\`, \`endswith\` and regex lookups cannot use a plain B-tree
index even on an indexed column; they get their own hint naming the index that would serve them (an
\`Upper()\` expression index, or a trigram index).

**TypeORM**: a \`@ManyToOne\` relation whose foreign key column no index leads with, when the DataSource's
database does not index foreign keys by itself (PostgreSQL, SQLite, SQL Server — MySQL/MariaDB do); the fix adds
\`@Index()\` to the relation. **Prisma**: a relation's foreign key scalars (\`fields: [authorId]\`) that no \`@id\`,
\`@unique\`, \`@@id\`, \`@@unique\` or \`@@index\` leads with, on providers that do not index foreign keys (all but
MySQL) or with \`relationMode = "prisma"\`; the fix adds \`@@index([authorId])\` to the model. And in both, the
columns of \`where\`/\`order\` (TypeORM \`find*\`, \`count*\`, \`exists*\`) and \`where\`/\`orderBy\` (Prisma \`findMany\`,
\`findFirst\`, \`count\`, \`updateMany\`, \`deleteMany\`, \`groupBy\`) that no index leads with; for a TypeORM
QueryBuilder, the columns its \`where\`/\`andWhere\`/\`orWhere\` strings (also inside \`Brackets\`), join conditions and
\`orderBy\`/\`addOrderBy\` name (\`'p.status = :status'\` after \`.leftJoin('u.posts', 'p')\` is \`Post.status\`), read
with a SQL parser; a column under a function (\`lower(u.email)\`) or \`ILIKE\`/JSON operators is left out. **Sequelize**: foreign keys
(\`belongsTo\`, \`hasMany\`, \`references\`) that neither the model's \`indexes\` nor a migration's \`addIndex\` covers.
**MikroORM** (PostgreSQL): \`@ManyToOne\` without \`index: true\` or \`@Index()\`. **Drizzle**: \`.references()\` columns of \`pgTable\`/\`sqliteTable\` tables that no \`index().on()\` leads with.

One finding per field, on its declaration, listing every query that uses it. Sorting alone is reported at
info level.

## Why it matters

Without an index the database reads every row to find the matching ones, or sorts the whole table. It is
invisible on a development database and slow, and growing, in production.

## Example

\`\`\`python
class Book(models.Model):
    published = models.DateField()

Book.objects.filter(published__year=2024)
\`\`\`

## Instead

\`\`\`python
class Book(models.Model):
    published = models.DateField()

    class Meta:
        indexes = [models.Index(fields=["published"])]
\`\`\`

and a migration (\`manage.py makemigrations\`).
`,
  check: (model) => [...checkDjangoIndexes(model), ...checkTypeormForeignKeys(model), ...checkPrismaForeignKeys(model), ...checkTypescriptColumns(model), ...checkSequelizeForeignKeys(model), ...checkDrizzleForeignKeys(model), ...checkMikroOrmForeignKeys(model)],
};
