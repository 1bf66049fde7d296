import { defineCheck } from '../../check';
import { PER_ROW_HOVER } from './shared';

/** A project function that runs a query, called once per element of a loop. */
export const queryHelperPerRow = defineCheck({
  rule: 'n-plus-one',
  name: 'query-helper-per-row',
  severity: 'warning',
  summary: 'A function of the project that runs a query, called once per element of a loop.',
  stacks: ['typeorm', 'prisma', 'sequelize', 'drizzle', 'mongoose', 'mikro-orm'],
  messages: {
    message: 'N+1 query: `{{callee}}()` runs `{{call}}` ({{place}}) once per element of the {{loopKind}} loop. {{advice}}',
    messageThrough:
      'N+1 query: `{{callee}}()` runs `{{call}}` ({{place}}) through {{through}} once per element of the {{loopKind}} loop. {{advice}}',
    recursive:
      'N+1 query: `{{callee}}()` calls back into this function and runs `{{call}}` ({{place}}) once per node of the recursion. {{advice}}',
    configured:
      'N+1 query: `{{callee}}()` runs a query (it is listed in `queryFunctions`) once per element of the {{loopKind}} loop. Load what the loop needs for all elements at once.',
    adviceTypeorm: 'Give it all the elements at once and read them with one `In(ids)` query.',
    advicePrisma: 'Give it all the elements at once and read them with one `{ in: ids }` query.',
    adviceSequelize: 'Give it all the elements at once and read them with one `findAll({ where: { key: keys } })`.',
    adviceMongoose: 'Give it all the elements at once and read them with one `{ $in: ids }` query.',
    adviceWrite: 'It writes one row per call: write them together where the data allows it, or accept one round trip each.',
    adviceTree: 'Load the whole tree with one query (or one per level) and build it in memory.',
    relatedQuery: 'the query {{callee}}() runs',
    relatedThrough: '{{name}}(), on the way to the query',
    relatedAlso: '{{callee}}(), another call of the loop that runs a query',
    relatedLoop: 'the loop that calls it once per element',
  },
  hover: PER_ROW_HOVER,
  docs: {
    what: `A call, in a loop body or an iterating callback, to a function or method of the project that runs a
TypeORM, Prisma, Sequelize or Mongoose query on a model the project declares (\`async function ownerName(id) { return users.findOneBy({ id }) }\`),
itself or through the functions it calls. Calls are followed by binding, across files: a function in scope or imported (through
re-exports and path aliases), a method of \`this\`, of a field or injected constructor parameter by its declared class, or of a class
it extends; never by name alone, so \`set.add()\` or \`Promise.resolve()\` never reach a service's \`add()\`. Prisma
\`findUnique\` calls started together (\`Promise.all\`, sibling GraphQL field resolvers) are merged by Prisma and not reported.
Or to a function the project's \`stackscope.json\` lists in \`queryFunctions\` (data
access wrappers the analysis cannot see into). No fix.`,
    why: 'The query inside the helper runs once per element, as if it were written in the loop.',
    example: '```ts\nfor (const post of posts) names.push(await ownerName(post.authorId));\n```',
    instead: '```ts\nconst owners = await ownerNames(posts.map((post) => post.authorId)); // one In(ids) read\n```',
  },
});
