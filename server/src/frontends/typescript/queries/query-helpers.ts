// One level of indirection for the N+1 rule: functions and methods of the project that run a query
// (TypeORM, Prisma), and calls to project functions made once per element of a loop. The two are
// linked by name across files, since a loop often calls a service method defined elsewhere.
import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { LoopCall, QueryingFunction } from '../../../model/types';
import { enclosingLoop } from './loops';
import type { NodeIndex } from '../syntax/node-index';
import { prismaQuery } from './prisma-queries';
import type { Locator } from '../syntax/source';
import { readQuery } from './typeorm-queries';

/** Names too common to link by: array and promise methods, and the ORMs' own. */
const NOT_HELPERS = new Set(['map', 'forEach', 'filter', 'reduce', 'push', 'then', 'catch', 'all', 'get', 'set', 'has', 'find', 'findOne', 'findBy', 'findOneBy', 'findMany', 'findUnique', 'findFirst', 'count', 'save', 'create', 'update', 'delete', 'json', 'send', 'log', 'next']);

export function extractQueryHelpers(index: NodeIndex, locator: Locator): { functions: QueryingFunction[]; calls: LoopCall[] } {
  const functions: QueryingFunction[] = [];
  const calls: LoopCall[] = [];
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const query = describeQuery(call);
    if (query) {
      const owner = enclosingFunctionName(call);
      if (owner && !NOT_HELPERS.has(owner)) functions.push({ name: owner, ...query, location: locator.of(call) });
      continue;
    }
    const callee = calleeName(call);
    if (!callee || NOT_HELPERS.has(callee)) continue;
    const loop = enclosingLoop(call);
    if (loop) calls.push({ callee, location: locator.of(call), loop: locator.of(loop.node), loopKind: loop.kind });
  }
  return { functions, calls };
}

function describeQuery(call: CallExpression): Omit<QueryingFunction, 'name' | 'location'> | undefined {
  const prisma = prismaQuery(call);
  if (prisma) return { stack: 'prisma', model: prisma.model, call: prisma.text };
  const typeorm = readQuery(call);
  if (typeorm) return { stack: 'typeorm', model: typeorm.entity, call: `${typeorm.receiver.getText().replace(/\s+/g, '')}.${typeorm.method}()` };
  return undefined;
}

/** `helper(x)` → helper, `this.service.helper(x)` → helper: linked by name, so the receiver does not matter. */
export function calleeName(call: CallExpression): string | undefined {
  const callee = call.getExpression();
  if (Node.isIdentifier(callee)) return callee.getText();
  return Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
}

/** The name project functions are linked by: the declared function or method, or the const an arrow function is assigned to. */
export function enclosingFunctionName(node: Node): string | undefined {
  for (let current = node.getParent(); current; current = current.getParent()) {
    if (Node.isFunctionDeclaration(current) || Node.isMethodDeclaration(current)) return current.getName();
    if (Node.isArrowFunction(current) || Node.isFunctionExpression(current)) {
      const holder = current.getParent();
      if (Node.isVariableDeclaration(holder)) return holder.getName();
      return undefined;
    }
  }
  return undefined;
}
