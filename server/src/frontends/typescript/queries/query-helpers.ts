// Calls made once per element of a loop, by the name of what they call, for the functions a project lists
// in stackscope.json `queryFunctions` (data access wrappers the analysis cannot see into). Calls whose
// target the file's bindings name are followed through the call graph instead (calls/, link/call-graph.ts).
import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { LoopCall } from '../../../model/types';
import { enclosingLoop } from './loops';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';

export function extractLoopCalls(index: NodeIndex, locator: Locator): LoopCall[] {
  const calls: LoopCall[] = [];
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const callee = calleeName(call);
    if (!callee) continue;
    const loop = enclosingLoop(call);
    if (loop) calls.push({ callee, location: locator.of(call), loop: locator.of(loop.node), loopKind: loop.kind });
  }
  return calls;
}

/** `helper(x)` → helper, `this.service.helper(x)` → helper. */
export function calleeName(call: CallExpression): string | undefined {
  const callee = call.getExpression();
  if (Node.isIdentifier(callee)) return callee.getText();
  return Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
}

/** The name of the function a node is in: the declared function or method, or the const an arrow function is assigned to. */
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
