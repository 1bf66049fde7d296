// Drizzle reads per loop element: `db.select().from(posts).where(eq(posts.authorId, user.id))` and
// `db.query.posts.findMany(...)` inside a loop body or an iterating callback. Relational queries
// with `with:` load relations in one statement; `inArray(...)` reads a whole set at once.
import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { PerRowQuery } from '../../../model/types';
import { enclosingLoop } from './loops';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';

export function extractDrizzleQueries(index: NodeIndex, locator: Locator): PerRowQuery[] {
  const queries: PerRowQuery[] = [];
  for (const call of index.of(SyntaxKind.CallExpression)) {
    // Only the outermost call of a chain: `.where(...)` of `db.select().from(t).where(...)`.
    const parent = call.getParent();
    if (Node.isPropertyAccessExpression(parent) && Node.isCallExpression(parent.getParent())) continue;
    const read = drizzleRead(call);
    if (!read || call.getDescendantsOfKind(SyntaxKind.CallExpression).some((inner) => inner.getExpression().getText() === 'inArray'))
      continue;
    const loop = enclosingLoop(call);
    if (!loop) continue;
    queries.push({
      stack: 'drizzle',
      model: read.table,
      call: read.text,
      method: read.method,
      location: locator.of(call),
      loop: locator.of(loop.node),
      loopKind: loop.kind,
    });
  }
  return queries;
}

function drizzleRead(call: CallExpression): { table: string; method: string; text: string } | undefined {
  const callee = call.getExpression();
  // db.query.posts.findMany()
  if (Node.isPropertyAccessExpression(callee) && ['findMany', 'findFirst'].includes(callee.getName())) {
    const table = callee.getExpression();
    if (Node.isPropertyAccessExpression(table) && table.getExpression().getText().endsWith('query')) {
      return { table: table.getName(), method: callee.getName(), text: `${table.getText().replace(/\s+/g, '')}.${callee.getName()}()` };
    }
  }
  // db.select().from(posts)...: find the from() in the chain.
  for (let current: Node | undefined = call; current && Node.isCallExpression(current);) {
    const inner = current.getExpression();
    if (!Node.isPropertyAccessExpression(inner)) break;
    if (inner.getName() === 'from') {
      const table = current.getArguments()[0];
      if (table && Node.isIdentifier(table)) return { table: table.getText(), method: 'select', text: `select().from(${table.getText()})` };
    }
    current = inner.getExpression();
  }
  return undefined;
}
