import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { MiddlewareChain, MiddlewareEntry } from '../../model/types';
import { resolveReference, unwrap, type ImportTable } from './imports';
import { roleOfExport, roleOfName } from './middleware-roles';
import type { NodeIndex } from './node-index';
import type { Locator } from './source';
import { constInitializer } from './values';

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'options', 'head']);

interface App {
  chain: MiddlewareChain;
  /** Entries with the offset they were registered at, sorted at the end. */
  registered: { offset: number; entry: MiddlewareEntry }[];
}

/** One chain per Express app or router variable of the file, entries in registration order. */
export function extractExpressChains(index: NodeIndex, imports: ImportTable, locator: Locator): MiddlewareChain[] {
  const apps = new Map<string, App>();
  for (const declaration of index.of(SyntaxKind.VariableDeclaration)) {
    const name = declaration.getNameNode();
    const initializer = declaration.getInitializer();
    if (!Node.isIdentifier(name) || !initializer) continue;
    const stack = createsApp(initializer, imports) ? 'express' : createsNestApp(initializer, imports) ? 'nest' : undefined;
    if (!stack) continue;
    apps.set(name.getText(), {
      chain: { app: name.getText(), stack, file: locator.file, entries: [], location: locator.of(declaration) },
      registered: [],
    });
  }
  if (apps.size === 0) return [];
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const target = appOf(callee.getExpression(), apps);
    if (!target) continue;
    const method = callee.getName();
    if (method === 'use') registerUse(call, target.app, imports, locator);
    else if (method === 'set' && pathOf(call.getArguments()[0]) === 'trust proxy') {
      // A setting, but its place in the pipeline matters to the session and rate limiter set up around it.
      target.app.registered.push({ offset: call.getStart(), entry: { name: "set('trust proxy')", role: 'trust-proxy', location: locator.of(call) } });
    } else if (ROUTE_METHODS.has(method)) registerRoute(call, method, target, locator);
  }
  return [...apps.values()].map(({ chain, registered }) => {
    chain.entries = registered.sort((a, b) => a.offset - b.offset).map((r) => r.entry);
    return chain;
  });
}

/** `express()`, `express.Router()`, `Router()` from the 'express' package. */
function createsApp(initializer: Node, imports: ImportTable): boolean {
  const call = unwrap(initializer);
  if (!Node.isCallExpression(call)) return false;
  const reference = resolveReference(call.getExpression(), imports);
  return reference?.module === 'express' && (reference.name === '' || reference.name === 'Router');
}

/** `await NestFactory.create(AppModule)`: a NestJS app, which registers Express middleware with `app.use`. */
function createsNestApp(initializer: Node, imports: ImportTable): boolean {
  let call = unwrap(initializer);
  if (Node.isAwaitExpression(call)) call = unwrap(call.getExpression());
  if (!Node.isCallExpression(call)) return false;
  const reference = resolveReference(call.getExpression(), imports);
  return reference?.module === '@nestjs/core' && reference.name === 'NestFactory.create';
}

/** The app a call is made on: `app`, or `app.use(a)` / `app.route('/x')` chained on it (each returns the app). */
function appOf(receiver: Node, apps: Map<string, App>): { app: App; path?: string } | undefined {
  const expression = unwrap(receiver);
  if (Node.isIdentifier(expression)) {
    const app = apps.get(expression.getText());
    return app ? { app } : undefined;
  }
  if (Node.isCallExpression(expression)) {
    const callee = expression.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) return undefined;
    const inner = appOf(callee.getExpression(), apps);
    if (!inner) return undefined;
    if (callee.getName() === 'route') return { app: inner.app, path: pathOf(expression.getArguments()[0]) };
    if (callee.getName() === 'use' || ROUTE_METHODS.has(callee.getName())) return inner;
  }
  return undefined;
}

function registerUse(call: CallExpression, app: App, imports: ImportTable, locator: Locator): void {
  const args = call.getArguments();
  const path = pathOf(args[0]);
  const middleware = (path === undefined ? args : args.slice(1)).flatMap((arg) => {
    const value = unwrap(arg);
    return Node.isArrayLiteralExpression(value) ? value.getElements() : [arg];
  });
  for (const arg of middleware) {
    const name = nameOf(arg);
    const role = roleOf(arg, imports);
    app.registered.push({
      offset: arg.getStart(),
      entry: { name: path === undefined ? name : `${path} ${name}`, ...(role ? { role } : {}), location: locator.of(arg) },
    });
  }
}

function registerRoute(call: CallExpression, method: string, target: { app: App; path?: string }, locator: Locator): void {
  const args = call.getArguments();
  const path = target.path ?? pathOf(args[0]);
  // `app.get('env')` reads a setting; a route has a path and at least one handler.
  if (target.path === undefined && (path === undefined || args.length < 2)) return;
  if (target.path !== undefined && args.length < 1) return;
  target.app.registered.push({
    offset: call.getExpression().getEnd(),
    entry: { name: `${method.toUpperCase()} ${path}`, role: 'routes', location: locator.of(call) },
  });
}

function pathOf(arg: Node | undefined): string | undefined {
  const value = arg ? unwrap(arg) : undefined;
  return value && (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) ? value.getLiteralValue() : undefined;
}

/** The middleware as written: the factory called (`express.static`), the identifier, or an inline function. */
function nameOf(arg: Node): string {
  const value = unwrap(arg);
  if (Node.isCallExpression(value)) return value.getExpression().getText();
  if (Node.isArrowFunction(value) || Node.isFunctionExpression(value)) {
    const named = Node.isFunctionExpression(value) ? value.getName() : undefined;
    return named ?? `(${value.getParameters().map((p) => p.getName()).join(', ')}) => {…}`;
  }
  return value.getText();
}

function roleOf(arg: Node, imports: ImportTable, depth = 0): string | undefined {
  const value = unwrap(arg);
  if (isErrorHandler(value)) return 'error-handler';
  if (Node.isCallExpression(value)) {
    const reference = resolveReference(value.getExpression(), imports);
    return (reference && roleOfExport(reference)) ?? roleOfName(value.getExpression().getText());
  }
  if (Node.isIdentifier(value) || Node.isPropertyAccessExpression(value)) {
    const reference = resolveReference(value, imports);
    if (reference) return roleOfExport(reference) ?? roleOfName(value.getText());
    if (Node.isIdentifier(value)) {
      // `const limiter = rateLimit({...}); app.use(limiter)`, or a function declared in this file.
      const declared = constInitializer(value) ?? functionDeclared(value);
      // A few hops through consts at most: `const a = b; const b = a;` must not loop.
      const role = declared && declared !== value && depth < 4 ? roleOf(declared, imports, depth + 1) : undefined;
      if (role) return role;
    }
    return roleOfName(value.getText());
  }
  return undefined;
}

/** Express recognises an error handler by its four parameters `(err, req, res, next)`. */
function isErrorHandler(value: Node): boolean {
  return (Node.isArrowFunction(value) || Node.isFunctionExpression(value) || Node.isFunctionDeclaration(value)) && value.getParameters().length === 4;
}

function functionDeclared(identifier: Node): Node | undefined {
  const name = identifier.getText();
  return identifier.getSourceFile().getFunctions().find((fn) => fn.getName() === name);
}
