// Koa apps: `const app = new Koa()`, `app.use(...)` in order (roles by package; an error handler is
// a middleware that wraps `await next()` in try/catch), and `app.keys = [...]`, which signs the
// session cookie of koa-session.
import { Node, SyntaxKind } from 'ts-morph';
import type { MiddlewareChain } from '../../../model/types';
import { resolveReference, unwrap, type ImportTable } from '../syntax/imports';
import { roleOfExport, roleOfName } from './middleware-roles';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';
import { readValue } from '../syntax/values';

export function extractKoaChains(index: NodeIndex, imports: ImportTable, locator: Locator): MiddlewareChain[] {
  const apps = new Map<string, MiddlewareChain>();
  for (const created of index.of(SyntaxKind.NewExpression)) {
    const reference = resolveReference(created.getExpression(), imports);
    const declaration = created.getParent();
    if (reference?.module !== 'koa' || reference.name !== '' || !Node.isVariableDeclaration(declaration)) continue;
    apps.set(declaration.getName(), {
      app: declaration.getName(),
      stack: 'koa',
      file: locator.file,
      entries: [],
      location: locator.of(declaration),
    });
  }
  if (apps.size === 0) return [];
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'use') continue;
    const chain = apps.get(callee.getExpression().getText());
    const middleware = call.getArguments()[0];
    if (!chain || !middleware) continue;
    const role = roleOf(middleware, imports);
    chain.entries.push({ name: nameOf(middleware), ...(role ? { role } : {}), location: locator.of(middleware) });
  }
  for (const assignment of index.of(SyntaxKind.BinaryExpression)) {
    const target = assignment.getLeft();
    if (
      assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken ||
      !Node.isPropertyAccessExpression(target) ||
      target.getName() !== 'keys'
    )
      continue;
    const chain = apps.get(target.getExpression().getText());
    if (chain) chain.keys = { value: readValue(assignment.getRight(), { locator }), location: locator.of(assignment) };
  }
  return [...apps.values()];
}

function nameOf(middleware: Node): string {
  const value = unwrap(middleware);
  if (Node.isCallExpression(value)) return value.getExpression().getText();
  if (Node.isArrowFunction(value) || Node.isFunctionExpression(value)) return wrapsNext(value) ? 'error handler' : '(ctx, next) => {…}';
  return value.getText();
}

function roleOf(middleware: Node, imports: ImportTable): string | undefined {
  const value = unwrap(middleware);
  if ((Node.isArrowFunction(value) || Node.isFunctionExpression(value)) && wrapsNext(value)) return 'error-handler';
  const called = Node.isCallExpression(value) ? value.getExpression() : value;
  // `router.routes()`: the routes of a koa-router / @koa/router.
  if (Node.isPropertyAccessExpression(called) && called.getName() === 'routes') return 'routes';
  const reference = resolveReference(called, imports);
  return (reference && roleOfExport(reference)) ?? roleOfName(called.getText());
}

/** `async (ctx, next) => { try { await next(); } catch (err) { ... } }`: Koa's error-handling middleware. */
function wrapsNext(fn: Node): boolean {
  return fn.getDescendantsOfKind(SyntaxKind.TryStatement).some((statement) =>
    statement
      .getTryBlock()
      .getDescendantsOfKind(SyntaxKind.AwaitExpression)
      .some((awaited) => /^next\(\)$/.test(awaited.getExpression().getText())),
  );
}
