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
    message:
      'N+1 query: `{{callee}}()` runs `{{call}}` ({{place}}) once per element of the {{loopKind}} loop. Give it all the elements at once and query with one `In(ids)` / `{ in: ids }` read.',
    configured:
      'N+1 query: `{{callee}}()` runs a query (it is listed in `queryFunctions`) once per element of the {{loopKind}} loop. Load what the loop needs for all elements at once.',
    relatedQuery: 'the query {{callee}}() runs',
    relatedLoop: 'the loop that calls it once per element',
  },
  hover: PER_ROW_HOVER,
  docs: {
    what: `A call, in a loop body or an iterating callback, to a function or method of the project that itself runs a
TypeORM or Prisma query on a model the project declares (\`async function ownerName(id) { return users.findOneBy({ id }) }\`), found one
level deep, by name, across files; or to a function the project's \`stackscope.json\` lists in \`queryFunctions\` (data
access wrappers the analysis cannot see into). No fix.`,
    why: 'The query inside the helper runs once per element, as if it were written in the loop.',
    example: '```ts\nfor (const post of posts) names.push(await ownerName(post.authorId));\n```',
    instead: '```ts\nconst owners = await ownerNames(posts.map((post) => post.authorId)); // one In(ids) read\n```',
  },
});
