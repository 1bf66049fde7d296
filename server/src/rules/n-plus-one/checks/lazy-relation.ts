import { defineCheck } from '../../check';
import { PER_ROW_HOVER } from './shared';

/** A TypeORM lazy relation awaited once per element of a loop. */
export const lazyRelation = defineCheck({
  rule: 'n-plus-one',
  name: 'lazy-relation',
  severity: 'warning',
  summary: 'A TypeORM lazy relation awaited once per element of a loop over a list of entities.',
  stacks: ['typeorm'],
  messages: {
    message:
      'N+1 query: awaiting the lazy relation `{{model}}.{{relation}}` runs one query per element of the loop. Load it with the list: `relations: { {{relation}}: true }` (or leftJoinAndSelect) in the query that produced it.',
    fix: 'Load {{relation}} with the list ({{option}})',
    joinFix: 'Load {{relation}} with the list (leftJoinAndSelect)',
    relatedLoop: 'the loop that loads it once per element',
  },
  hover: PER_ROW_HOVER,
  docs: {
    what: `\`await post.category\` in a loop over a list of entities, where \`category\` is a lazy relation (typed
\`Promise<T>\`, or \`lazy: true\`). Eager and plain relations are not reported. The fix loads the relation with the query
that produced the list: an entry of its \`relations\` (object or array form), a new \`relations\` option, or a
\`leftJoinAndSelect\` on the QueryBuilder; none when that query already names the relation.`,
    why: 'Each await of a lazy relation that is not loaded yet runs its own query: one per element of the list.',
    example: '```ts\nconst list = await posts.find();\nfor (const post of list) console.log((await post.category).label);\n```',
    instead:
      '```ts\nconst list = await posts.find({ relations: { category: true } });\nfor (const post of list) console.log((await post.category).label);\n```',
  },
});
