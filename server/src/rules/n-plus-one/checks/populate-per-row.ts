import { defineCheck } from '../../check';
import { LOOP_RELATED, PER_ROW_HOVER } from './shared';

/** Mongoose `doc.populate()` called once per element of a loop. */
export const populatePerRow = defineCheck({
  rule: 'n-plus-one',
  name: 'populate-per-row',
  severity: 'warning',
  summary: "A Mongoose document's `populate()` called once per element of a loop.",
  stacks: ['mongoose'],
  messages: {
    message:
      "N+1 query: `{{call}}` populates one document per element of the {{loopKind}} loop. Populate the list in the query that produced it (`find(...).populate('...')`): one query per path for all documents.",
    ...LOOP_RELATED,
  },
  hover: PER_ROW_HOVER,
  docs: {
    what: '`await doc.populate(...)` inside a loop body or an iterating callback, in a project that declares Mongoose models. No fix.',
    why: 'Each call reads the referenced documents of one document: one query per element, where `populate()` on the query that produced the list reads them for all documents with one `$in` query per path.',
    example: "```ts\nconst posts = await Post.find();\nfor (const post of posts) await post.populate('author');\n```",
    instead: "```ts\nconst posts = await Post.find().populate('author');\n```",
  },
});
