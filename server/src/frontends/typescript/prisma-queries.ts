// Prisma Client calls that run once per element of a loop: `prisma.user.findUnique(...)` inside a
// loop body or an iterating callback. The delegate names the model (`user` → `User`). Whether
// Prisma batches the call (findUnique under Promise.all) is the rule's business; set-based reads
// (`where: { id: { in: ids } }`) are not per element at all.
import { Node, SyntaxKind } from 'ts-morph';
import type { PerRowQuery } from '../../model/types';
import { enclosingLoop } from './loops';
import type { NodeIndex } from './node-index';
import type { Locator } from './source';

const METHODS = new Set([
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy',
  'create', 'createMany', 'update', 'updateMany', 'upsert', 'delete', 'deleteMany',
]);

export function extractPrismaQueries(index: NodeIndex, locator: Locator): PerRowQuery[] {
  const queries: PerRowQuery[] = [];
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !METHODS.has(callee.getName())) continue;
    const delegate = callee.getExpression();
    if (!Node.isPropertyAccessExpression(delegate)) continue;
    const name = delegate.getName();
    if (name.startsWith('$') || !/^[a-z]/.test(name)) continue;
    if (call.getArguments().some((argument) => argument.getDescendantsOfKind(SyntaxKind.PropertyAssignment).some((p) => p.getName() === 'in'))) continue;
    const loop = enclosingLoop(call);
    if (!loop) continue;
    queries.push({
      stack: 'prisma',
      model: name[0].toUpperCase() + name.slice(1),
      call: `${delegate.getText().replace(/\s+/g, '')}.${callee.getName()}()`,
      method: callee.getName(),
      location: locator.of(call),
      loop: locator.of(loop.node),
      loopKind: loop.kind,
    });
  }
  return queries;
}
