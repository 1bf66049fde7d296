import { defineCheck } from '../../check';
import { LOOKUP_FIXES, LOOP_RELATED, PER_ROW_HOVER } from './shared';

/** A Sequelize association getter called on each element of a loop. */
export const associationGetter = defineCheck({
  rule: 'n-plus-one',
  name: 'association-getter',
  severity: 'warning',
  summary: 'A Sequelize association getter (`post.getAuthor()`) called once per element of a loop.',
  stacks: ['sequelize'],
  messages: {
    message:
      'N+1 query: the association getter `{{call}}` runs one query per element of the {{loopKind}} loop. Load the association with the list: `include` in the findAll that produced it.',
    loadFix: LOOKUP_FIXES.loadFix,
    ...LOOP_RELATED,
  },
  hover: PER_ROW_HOVER,
  docs: {
    what: `\`post.getAuthor()\` (or \`getPosts()\`, ...) on the loop's own element, in a loop body or an iterating callback
(also under \`Promise.all\`), where the getter names a model of the project or an association alias. Getters on other
objects are not reported. Where the list comes from a Sequelize query in the same function and the getter takes no
options, the fix adds the association to that query's \`include\` and reads \`post.author\` instead; none when the
\`include\` already names it in another form (a filtered include).`,
    why: 'Sequelize batches nothing: each getter runs one query, one per element of the list.',
    example: '```ts\nconst posts = await Post.findAll();\nfor (const post of posts) {\n  const author = await post.getAuthor();\n}\n```',
    instead:
      "```ts\nconst posts = await Post.findAll({ include: ['author'] });\nfor (const post of posts) {\n  const author = post.author;\n}\n```",
  },
});
