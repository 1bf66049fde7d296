import type { Rule } from '../rule';
import { checkDjangoLoops } from './django';
import { checkDrizzleLoops } from './drizzle';
import { checkHelperCalls } from './helpers';
import { checkMikroOrmLoops } from './mikro-orm';
import { checkMongooseLoops } from './mongoose';
import { checkPrismaLoops } from './prisma';
import { checkSequelizeLoops } from './sequelize';
import { checkTypeormLoops } from './typeorm';

export const nPlusOne: Rule = {
  id: 'n-plus-one',
  summary: 'A query that runs once per row of a loop instead of once for all rows.',
  defaultSeverity: 'warning',
  docs: `## What it finds

Loops over a query's rows that read something costing one more query per row. A loop is a \`for\`
statement or a comprehension (following the variable that holds the queryset), a template's \`{% for %}\`
over a context name a view fills with a queryset (\`render()\` and \`ListView\`), a Django REST framework
serializer fed by a view's \`queryset\` (nested serializers, \`source="author.name"\`, \`StringRelatedField\`,
\`SlugRelatedField\`, \`many=True\` related fields, \`SerializerMethodField\`, \`Meta.depth\`), and an admin's
\`list_display\` (with the \`select_related()\` Django adds by itself, which skips nullable keys). What is read:

- **Django**: a forward \`ForeignKey\`/\`OneToOneField\` that the queryset does not \`select_related\`
  (\`book.author.name\`), also through several hops (\`book.author.publisher.name\` needs
  \`select_related("author__publisher")\`) and through a no-argument \`select_related()\`, which skips nullable keys;
  \`book.author.id\` where \`book.author_id\` costs nothing; a reverse or many-to-many manager per row
  (\`author.books.all()\`, \`.count()\`, \`.exists()\`) without \`prefetch_related\`; \`.filter()\`/\`.order_by()\` on a
  prefetched manager, which ignores the prefetch cache; a field that \`only()\`/\`defer()\` left out; a
  \`Prefetch(queryset=...only(...))\` that leaves out the key back to the parent; and the same reads hidden in a
  model's \`__str__\` (\`str(book)\`, \`f"{book}"\`) or in a property.

It stays silent where the queryset already loads the path, where only \`_id\` attributes are read, and on
\`values()\`/\`values_list()\` rows.

- **TypeORM**: a repository, manager or Active Record read (\`findOneBy\`, \`find\`, \`count\`, ...) inside a loop
  body or an iterating callback (\`forEach\`, \`map\` — also under \`Promise.all\`: TypeORM batches nothing), with
  the repository's entity found through \`getRepository(User)\`, \`@InjectRepository(User)\` or
  \`Repository<User>\`; a QueryBuilder run per element (\`createQueryBuilder('u').where(...).getOne()\`, \`getMany\`,
  \`getRawOne\`, \`getCount\`, \`execute\`, ...), chained or built in a variable; a lazy relation (\`Promise<T>\` or
  \`lazy: true\`) awaited per element. Silent on \`for await\` and on set-based reads (\`In(ids)\`, \`whereInIds(ids)\`,
  \`'u.id IN (:...ids)'\`).
- **Prisma**: a client call (\`prisma.user.findFirst\`, \`findMany\`, \`count\`, writes) per loop element. Prisma
  merges \`findUnique\`/\`findUniqueOrThrow\` calls started in the same tick (\`Promise.all(ids.map(...))\` is one
  query: silent), but not a sequential \`await\` in a loop. Silent on \`where: { id: { in: ids } }\`.
- **Sequelize**: \`Model.findByPk/findOne/findAll/count\` per loop element, and association getters on the loop's
  element (\`post.getAuthor()\`). Silent on \`[Op.in]\`.
- **Drizzle**: \`db.select().from(table)\` or \`db.query.table.findMany/findFirst\` per loop element; silent on
  \`inArray(...)\`.
- **Mongoose**: \`Model.findById/findOne/find/countDocuments\` per loop element. **MikroORM**: \`em.find/findOne/count(Entity, ...)\`
  per loop element.
- In TypeScript, also a call per loop element to a function or method of the project that itself runs a
  TypeORM or Prisma query, one level deep and across files.

Quick fixes in TypeScript, offered only where the rewrite means the same: a read of each element's related row
by its foreign key (\`users.findOneBy({ id: post.authorId })\`, \`prisma.user.findUnique(...)\`, \`post.getAuthor()\`)
over a list queried in the same function gets **Load author with posts**, which adds the relation to that query
(\`relations\`, \`include\`, or Prisma's \`select\`) and reads \`post.author\` instead; a read by a unique key kept in a
\`const\` that nothing changes gets **Fetch all User rows in one query before the loop**, one \`findBy({ id: In(keys) })\` /
\`findMany({ where: { id: { in: keys } } })\` / \`findAll({ where: { id: keys } })\` before the loop and a Map lookup in it.

## Why it matters

Each extra query is a network round trip. A page listing 50 books that reads \`book.author.name\` runs 51
queries instead of 1; it is fast on a developer's ten rows and slow in production.

## Example

\`\`\`python
for book in Book.objects.filter(published__year=2024):
    print(book.title, book.author.name)
\`\`\`

## Instead

\`\`\`python
for book in Book.objects.filter(published__year=2024).select_related("author"):
    print(book.title, book.author.name)
\`\`\`
`,
  check: (model) => [...checkDjangoLoops(model), ...checkTypeormLoops(model), ...checkPrismaLoops(model), ...checkSequelizeLoops(model), ...checkDrizzleLoops(model), ...checkMongooseLoops(model), ...checkMikroOrmLoops(model), ...checkHelperCalls(model)],
};
