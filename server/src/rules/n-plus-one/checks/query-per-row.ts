import { defineCheck } from '../../check';
import { LOOKUP_FIXES, LOOP_RELATED, PER_ROW_HOVER } from './shared';

/** A TypeScript ORM query run once per element of a loop: each ORM's set-based read is named in its message. */
export const queryPerRow = defineCheck({
  rule: 'n-plus-one',
  name: 'query-per-row',
  severity: 'warning',
  summary: 'A TypeORM, Prisma, Sequelize, Drizzle, Mongoose or MikroORM query run once per element of a loop.',
  stacks: ['typeorm', 'prisma', 'sequelize', 'drizzle', 'mongoose', 'mikro-orm'],
  messages: {
    typeorm:
      'N+1 query: `{{call}}` runs one query per element of the {{loopKind}} loop{{parallel}}; TypeORM batches nothing. Load the {{model}} rows for all elements with one query (`findBy({ id: In(ids) })`, then a Map lookup), or join them with `relations` in the query that produced the list.',
    typeormQueryBuilder:
      "N+1 query: `{{call}}` runs one query per element of the {{loopKind}} loop{{parallel}}; TypeORM batches nothing. Load the {{model}} rows for all elements with one query (`.whereInIds(ids)` or `.where('alias.id IN (:...ids)', { ids })`, then a Map lookup), or join them with `leftJoinAndSelect` in the query that produced the list.",
    typeormParallel: ' (in parallel, but still one round trip and one pooled connection each)',
    prisma:
      'N+1 query: `{{call}}` runs one query per element of the {{loopKind}} loop.{{batching}} Load all {{model}} rows at once with `where: { id: { in: ids } }` and a Map lookup, or with `include` in the query that produced the list.',
    prismaBatching:
      ' Prisma batches findUnique only when the calls start in the same tick (Promise.all over map), not when each is awaited in turn.',
    prismaCount:
      'N+1 query: `{{call}}` runs one query per element of the {{loopKind}} loop. Count with the list instead: `_count` in the `select`/`include` of the query that produced it, or one `groupBy` over all ids.',
    prismaWrite:
      'N+1 query: `{{call}}` runs one query per element of the {{loopKind}} loop. Use one set-based call (`{{many}}` with `where: { id: { in: ids } }`) or a single $transaction([...]).',
    sequelize:
      'N+1 query: `{{call}}` runs one query per element of the {{loopKind}} loop; Sequelize batches nothing. Load all {{model}} rows with one `findAll({ where: { id: ids } })` and a Map lookup, or `include` them in the query that produced the list.',
    drizzle:
      'N+1 query: `{{call}}` runs one query per element of the {{loopKind}} loop. Read {{model}} for all elements at once (`where(inArray(...))`), or load it with `with:` in the relational query that produced the list.',
    mongoose:
      'N+1 query: `{{call}}` runs one query per element of the {{loopKind}} loop. Read them at once with `{{model}}.find({ _id: { $in: ids } })`, or `populate()` the reference in the query that produced the list.',
    mikroOrm:
      'N+1 query: `{{call}}` runs one query per element of the {{loopKind}} loop. Read the {{model}} rows at once (`{ id: { $in: ids } }`), or `populate` the relation in the query that produced the list.',
    ...LOOKUP_FIXES,
    ...LOOP_RELATED,
  },
  hover: PER_ROW_HOVER,
  docs: {
    what: `A query inside a loop body or an iterating callback (\`forEach\`, \`map\`, also under \`Promise.all\`) or a
GraphQL field resolver (once per parent), on a model the project declares:

- **TypeORM**: a repository, manager or Active Record read (\`findOneBy\`, \`find\`, \`count\`, ...), with the repository's
  entity found through \`getRepository(User)\`, \`@InjectRepository(User)\` or \`Repository<User>\`; a QueryBuilder run per
  element (\`createQueryBuilder('u').where(...).getOne()\`, \`getMany\`, \`getRawOne\`, \`getCount\`, \`execute\`, ...),
  chained or built in a variable. TypeORM batches nothing, so \`Promise.all\` does not help. Silent on \`for await\` and on
  set-based reads (\`In(ids)\`, \`whereInIds(ids)\`, \`'u.id IN (:...ids)'\`).
- **Prisma**: a client call (\`prisma.user.findFirst\`, \`findMany\`, \`count\`, writes) per element. Prisma merges
  \`findUnique\`/\`findUniqueOrThrow\` calls started in the same tick (\`Promise.all(ids.map(...))\` is one query: silent),
  but not a sequential \`await\` in a loop. Silent on \`where: { id: { in: ids } }\`.
- **Sequelize**: \`Model.findByPk/findOne/findAll/count\` per element. Silent on \`[Op.in]\`.
- **Drizzle**: \`db.select().from(table)\` or \`db.query.table.findMany/findFirst\` per element; silent on \`inArray(...)\`.
- **Mongoose**: \`Model.findById/findOne/find/countDocuments\` per element. **MikroORM**: \`em.find/findOne/count(Entity, ...)\`
  per element.

Quick fixes (TypeORM, Prisma, Sequelize), offered only where the rewrite means the same: a read of each element's
related row by its foreign key (\`users.findOneBy({ id: post.authorId })\`, \`prisma.user.findUnique(...)\`) over a list
queried in the same function gets **Load author with posts**, which adds the relation to that query (\`relations\`,
\`include\`, or Prisma's \`select\`) and reads \`post.author\` instead; a read by a unique key kept in a \`const\` that nothing
changes gets **Fetch all User rows in one query before the loop**: one \`findBy({ id: In(keys) })\` /
\`findMany({ where: { id: { in: keys } } })\` / \`findAll({ where: { id: keys } })\` before the loop and a Map lookup in it.`,
    why: 'Each query is a network round trip (and, run in parallel, a pooled connection): a list of 50 posts that reads each author runs 51 queries instead of 1 or 2.',
    example:
      '```ts\nconst list = await posts.find();\nfor (const post of list) {\n  const author = await users.findOneBy({ id: post.authorId });\n}\n```',
    instead:
      '```ts\nconst list = await posts.find({ relations: { author: true } });\nfor (const post of list) {\n  const author = post.author;\n}\n```',
  },
});
