// Prisma: client calls that run once per element of a loop. Prisma's dataloader merges findUnique
// and findUniqueOrThrow calls made in the same tick (so `Promise.all(ids.map(id =>
// prisma.user.findUnique(...)))` is one query), but never findFirst, findMany, counts or writes,
// and never a sequential `await` in a loop, where each call is its own tick.
import type { Finding, ProjectModel } from '../../model/types';
import { lookupFixes, perRowFinding } from './per-row';

const BATCHED_IN_ONE_TICK = new Set(['findUnique', 'findUniqueOrThrow']);
const WRITES = new Set(['create', 'createMany', 'update', 'updateMany', 'upsert', 'delete', 'deleteMany']);

export function checkPrismaLoops(model: ProjectModel): Finding[] {
  const models = new Set(model.models.filter((m) => m.stack === 'prisma').map((m) => m.name));
  if (models.size === 0) return [];
  return model.perRowQueries
    .filter((query) => query.stack === 'prisma' && (models.has(query.model) || query.method === '$transaction'))
    .filter((query) => !(BATCHED_IN_ONE_TICK.has(query.method) && query.loopKind.startsWith('Promise.all')))
    .map((query) => {
      if (query.method === '$transaction') {
        return perRowFinding(query, `N+1 transactions: \`${query.call}\` opens one transaction per element of the ${query.loopKind} loop, each with its own round trips and locks. Run one transaction for all elements, with set-based writes (\`createMany\`, \`updateMany\` with \`where: { id: { in: ids } }\`).`);
      }
      const write = WRITES.has(query.method);
      const advice = write
        ? `Use one set-based call (\`${query.method.replace(/Many$/, '')}Many\` with \`where: { id: { in: ids } }\`) or a single $transaction([...])`
        : query.method === 'count'
          ? 'Count with the list instead: `_count` in the `select`/`include` of the query that produced it, or one `groupBy` over all ids'
          : `Load all ${query.model} rows at once with \`where: { id: { in: ids } }\` and a Map lookup, or with \`include\` in the query that produced the list`;
      const batching = BATCHED_IN_ONE_TICK.has(query.method) ? ' Prisma batches findUnique only when the calls start in the same tick (Promise.all over map), not when each is awaited in turn.' : '';
      return perRowFinding(query, `N+1 query: \`${query.call}\` runs one query per element of the ${query.loopKind} loop.${batching} ${advice}.`, lookupFixes(query, model));
    });
}
