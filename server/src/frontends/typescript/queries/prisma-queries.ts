// Prisma Client calls that run once per element of a loop: `prisma.user.findUnique(...)` inside a
// loop body or an iterating callback. The delegate names the model (`user` → `User`). Whether
// Prisma batches the call (findUnique under Promise.all) is the rule's business; set-based reads
// (`where: { id: { in: ids } }`) are not per element at all.
import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { PerRowQuery } from '../../../model/types';
import { enclosingLoop } from './loops';
import { lookupOf, perRowLookup } from './per-row-lookups';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';

const METHODS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
  'create',
  'createMany',
  'update',
  'updateMany',
  'upsert',
  'delete',
  'deleteMany',
]);

/** `prisma.user.findMany(...)` → the model, the method and the call as written; undefined for anything else. */
export function prismaQuery(call: CallExpression): { model: string; method: string; text: string } | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !METHODS.has(callee.getName())) return undefined;
  const delegate = callee.getExpression();
  if (!Node.isPropertyAccessExpression(delegate)) return undefined;
  const name = delegate.getName();
  if (name.startsWith('$') || !/^[a-z]/.test(name)) return undefined;
  return {
    model: name[0].toUpperCase() + name.slice(1),
    method: callee.getName(),
    text: `${delegate.getText().replace(/\s+/g, '')}.${callee.getName()}()`,
  };
}

/** `prisma.$transaction([...])` / `tx.$transaction(async ...)`: a transaction is a round trip (or several) of its own. */
function transaction(call: CallExpression): { model: string; method: string; text: string } | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== '$transaction') return undefined;
  return { model: '$transaction', method: '$transaction', text: `${callee.getExpression().getText().replace(/\s+/g, '')}.$transaction()` };
}

export function extractPrismaQueries(index: NodeIndex, locator: Locator): PerRowQuery[] {
  const queries: PerRowQuery[] = [];
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const query = prismaQuery(call) ?? transaction(call);
    if (!query) continue;
    if (
      call.getArguments().some((argument) => argument.getDescendantsOfKind(SyntaxKind.PropertyAssignment).some((p) => p.getName() === 'in'))
    )
      continue;
    const loop = enclosingLoop(call);
    if (!loop) continue;
    const lookup = query.model === '$transaction' ? undefined : perRowLookup(call, loop, 'prisma', query.model, locator, prismaQuery);
    queries.push({
      stack: 'prisma',
      model: query.model,
      call: query.text,
      method: query.method,
      location: locator.of(call),
      loop: locator.of(loop.node),
      loopKind: loop.kind,
      ...lookupOf(lookup),
    });
  }
  return queries;
}
