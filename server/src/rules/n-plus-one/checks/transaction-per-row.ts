import { defineCheck } from '../../check';
import { LOOP_RELATED, PER_ROW_HOVER } from './shared';

/** A Prisma transaction opened once per element of a loop. */
export const transactionPerRow = defineCheck({
  rule: 'n-plus-one',
  name: 'transaction-per-row',
  severity: 'warning',
  summary: 'A Prisma `$transaction` opened once per element of a loop.',
  stacks: ['prisma'],
  messages: {
    message:
      'N+1 transactions: `{{call}}` opens one transaction per element of the {{loopKind}} loop, each with its own round trips and locks. Run one transaction for all elements, with set-based writes (`createMany`, `updateMany` with `where: { id: { in: ids } }`).',
    ...LOOP_RELATED,
  },
  hover: PER_ROW_HOVER,
  docs: {
    what: "`prisma.$transaction(...)` inside a loop body or an iterating callback (also under `Promise.all`), in a project with a Prisma schema. No fix: which writes can be merged is a person's call.",
    why: 'Each transaction begins, runs its statements and commits on its own: round trips and lock time grow with the list, and under `Promise.all` the transactions compete for the pool and for the same rows.',
    example:
      '```ts\nawait Promise.all(items.map((item) => prisma.$transaction([prisma.post.update({ where: { id: item.id }, data: { title: item.title } })])));\n```',
    instead:
      '```ts\nawait prisma.$transaction(items.map((item) => prisma.post.update({ where: { id: item.id }, data: { title: item.title } })));\n```',
  },
});
