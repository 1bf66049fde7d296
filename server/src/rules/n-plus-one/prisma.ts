// Prisma: client calls that run once per element of a loop. Prisma's dataloader merges findUnique
// and findUniqueOrThrow calls made in the same tick (so `Promise.all(ids.map(id =>
// prisma.user.findUnique(...)))` is one query), but never findFirst, findMany, counts or writes,
// and never a sequential `await` in a loop, where each call is its own tick. graphql-js calls the field resolvers
// of a list's items one after the other without awaiting them, so they start in one tick too.
import type { ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { queryPerRow } from './checks/query-per-row';
import { transactionPerRow } from './checks/transaction-per-row';
import { lookupPlans, reportPerRow } from './per-row';

const BATCHED_IN_ONE_TICK = new Set(['findUnique', 'findUniqueOrThrow']);
const WRITES = new Set(['create', 'createMany', 'update', 'updateMany', 'upsert', 'delete', 'deleteMany']);

export function checkPrismaLoops(model: ProjectModel, report: Report): void {
  const models = new Set(model.models.filter((m) => m.stack === 'prisma').map((m) => m.name));
  if (models.size === 0) return;
  for (const query of model.perRowQueries) {
    if (query.stack !== 'prisma' || !(models.has(query.model) || query.method === '$transaction')) continue;
    if (BATCHED_IN_ONE_TICK.has(query.method) && startsInOneTick(query.loopKind)) continue;
    if (query.method === '$transaction') {
      reportPerRow(report, transactionPerRow, query, 'message');
      continue;
    }
    const message = WRITES.has(query.method) ? 'prismaWrite' : query.method === 'count' ? 'prismaCount' : 'prisma';
    const data = {
      batching: BATCHED_IN_ONE_TICK.has(query.method) ? queryPerRow.text('prismaBatching') : '',
      // The set-based form of a write: `createMany` for `create` and `createMany`.
      many: `${query.method.replace(/Many$/, '')}Many`,
    };
    reportPerRow(report, queryPerRow, query, message, data, lookupPlans(queryPerRow, query, model));
  }
}

/** `Promise.all(map)` and sibling GraphQL field resolvers start their calls in one tick. */
export function startsInOneTick(loopKind: string): boolean {
  return loopKind.startsWith('Promise.all') || loopKind.startsWith('GraphQL field resolver');
}
