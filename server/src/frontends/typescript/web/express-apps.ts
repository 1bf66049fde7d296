// Express (and NestJS) apps and routers of one file, and the project functions of the file that
// register middleware on an app they receive (`function setupSession(app) { app.use(...) }`). Calls that
// hand an app to such a function are recorded where they happen; the model links them across files.
import { Node, SyntaxKind, type CallExpression, type ParameterDeclaration } from 'ts-morph';
import type { MiddlewareChain, MiddlewareEntry, MiddlewareHelper, MiddlewareHelperCall } from '../../../model/types';
import { functionNames, type ExportedNames } from '../syntax/exported-names';
import { factoryCall, resolveReference, unwrap, type ImportTable } from '../syntax/imports';
import { roleOfExport, roleOfName } from './middleware-roles';
import { movableStatement } from './movable-statements';
import { classFieldAssignments, thisField } from './class-field-apps';
import { createsNestApp } from './nest-apps';
import type { NodeIndex } from '../syntax/node-index';
import { calleeName, enclosingFunctionName } from '../queries/query-helpers';
import type { Locator } from '../syntax/source';
import { localValue } from '../syntax/local-functions';

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'options', 'head']);
// `app.enable('trust proxy')` is `app.set('trust proxy', true)`.
const REGISTRATIONS = new Set(['use', 'set', 'enable', ...ROUTE_METHODS]);

/**
 * A parameter that a function only passes on (`function configure(app) { setupSession(app); }`) is taken
 * for an app when its name or declared type says so; one the function registers on directly always is.
 */
const APP_PARAMETER_NAMES = new Set(['app', 'application', 'router', 'server']);
const APP_TYPES = new Set(['Express', 'Application', 'Router', 'INestApplication', 'NestExpressApplication']);

/** What registrations are collected on: an app or router variable, or a function's app parameter. */
interface Target {
  /** Entries with the offset they were registered at, sorted at the end. */
  registered: { offset: number; entry: MiddlewareEntry }[];
  calls: { offset: number; call: Omit<MiddlewareHelperCall, 'at'> }[];
}

interface App extends Target {
  chain: MiddlewareChain;
  /** An app in a class field: the members of the class that register on it (one, or the chain is not kept). */
  members?: Set<Node>;
}

interface Helper extends Target {
  fn: Node;
  app: ParameterDeclaration;
  parameter: number;
}

interface FileContext {
  apps: Map<string, App>;
  /** By the function's position and the parameter's index. */
  helpers: Map<string, Helper>;
  imports: ImportTable;
  locator: Locator;
}

/**
 * One chain per Express app or router variable of the file (entries in registration order), and the
 * functions of the file that register middleware on an app parameter.
 */
export function extractExpressChains(
  index: NodeIndex,
  imports: ImportTable,
  locator: Locator,
  exported: ExportedNames = new Map(),
): { chains: MiddlewareChain[]; helpers: MiddlewareHelper[] } {
  const context: FileContext = { apps: new Map(), helpers: new Map(), imports, locator };
  for (const declaration of index.of(SyntaxKind.VariableDeclaration)) {
    const name = declaration.getNameNode();
    const initializer = declaration.getInitializer();
    if (!Node.isIdentifier(name) || !initializer) continue;
    const made = createsApp(initializer, imports);
    const stack = made ? 'express' : createsNestApp(factoryCall(initializer, imports)?.reference) ? 'nest' : undefined;
    if (!stack) continue;
    const exportedAs = exported.get(name.getText());
    context.apps.set(name.getText(), {
      chain: {
        app: name.getText(),
        stack,
        file: locator.file,
        entries: [],
        location: locator.of(declaration),
        ...(exportedAs ? { exportedAs: [...exportedAs] } : {}),
        ...(made === 'router' ? { router: true } : {}),
      },
      registered: [],
      calls: [],
    });
  }
  for (const field of classFieldAssignments(index)) {
    const made = createsApp(field.initializer, imports);
    if (!made || context.apps.has(field.key)) continue;
    context.apps.set(field.key, {
      chain: {
        app: field.name,
        stack: 'express',
        file: locator.file,
        entries: [],
        location: locator.of(field.declaration),
        ...(made === 'router' ? { router: true } : {}),
      },
      registered: [],
      calls: [],
      members: new Set(),
    });
  }
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (Node.isPropertyAccessExpression(callee) && REGISTRATIONS.has(callee.getName())) {
      const target = targetOf(callee.getExpression(), context, 'registers');
      if (target) {
        const before = target.target.registered.length;
        register(call, callee.getName(), target, context);
        if (target.target.registered.length > before) noteMember(target.target, callee.getExpression());
        continue;
      }
    }
    recordHelperCall(call, context);
  }
  // A class field's app registered on from several members has no known order: no chain rather than a wrong one
  // (and one never registered on is no chain worth showing).
  const chains = [...context.apps.values()]
    .filter((app) => !app.members || app.members.size === 1)
    .map((app) => {
      app.chain.entries = ordered(app);
      if (app.calls.length > 0) app.chain.helperCalls = helperCalls(app);
      return app.chain;
    });
  const helpers = [...context.helpers.values()].flatMap((helper): MiddlewareHelper[] => {
    if (helper.registered.length === 0 && helper.calls.length === 0) return [];
    const names = functionNames(helper.fn, enclosingFunctionName(helper.app), exported);
    if (names.length === 0) return [];
    return [{ names, parameter: helper.parameter, entries: ordered(helper), calls: helperCalls(helper), location: locator.of(helper.fn) }];
  });
  return { chains, helpers };
}

function ordered(target: Target): MiddlewareEntry[] {
  return target.registered.sort((a, b) => a.offset - b.offset).map((r) => r.entry);
}

function helperCalls(target: Target): MiddlewareHelperCall[] {
  return target.calls.map(({ offset, call }) => ({ ...call, at: target.registered.filter((r) => r.offset < offset).length }));
}

/** `express()` (an app), `express.Router()`, `Router()` (a router) from the 'express' package. */
function createsApp(initializer: Node, imports: ImportTable): 'app' | 'router' | undefined {
  const call = unwrap(initializer);
  if (!Node.isCallExpression(call)) return undefined;
  const reference = resolveReference(call.getExpression(), imports);
  if (reference?.module !== 'express') return undefined;
  return reference.name === '' ? 'app' : reference.name === 'Router' ? 'router' : undefined;
}

/**
 * What a name refers to: the nearest function parameter of that name (a helper's app), else the app
 * variable of the file. A helper is created when something is registered on the parameter, or when it is
 * passed on and looks like an app (`passes`).
 */
function bindingOf(identifier: Node, context: FileContext, use: 'registers' | 'passes' | 'reads'): Target | undefined {
  const name = identifier.getText();
  for (let scope = identifier.getParent(); scope; scope = scope.getParent()) {
    if (!Node.isFunctionLikeDeclaration(scope) && !Node.isArrowFunction(scope) && !Node.isFunctionExpression(scope)) continue;
    const parameters = scope.getParameters();
    const parameter = parameters.findIndex((p) => p.getName() === name);
    if (parameter === -1) continue;
    const key = `${scope.getPos()}:${parameter}`;
    const existing = context.helpers.get(key);
    if (existing) return existing;
    if (use === 'reads' || (use === 'passes' && !looksLikeApp(parameters[parameter]))) return undefined;
    const helper: Helper = { fn: scope, app: parameters[parameter], parameter, registered: [], calls: [] };
    context.helpers.set(key, helper);
    return helper;
  }
  return context.apps.get(name);
}

function looksLikeApp(parameter: ParameterDeclaration): boolean {
  const type = parameter.getTypeNode();
  const typeName = type && Node.isTypeReference(type) ? type.getTypeName().getText().split('.').pop() : undefined;
  return APP_PARAMETER_NAMES.has(parameter.getName()) || (typeName !== undefined && APP_TYPES.has(typeName));
}

/** The target a call is made on: `app`, `this.app`, or `app.use(a)` / `app.route('/x')` chained on it (each returns the app). */
function targetOf(
  receiver: Node,
  context: FileContext,
  use: 'registers' | 'reads',
): { target: Target; path?: string; chained: boolean } | undefined {
  const expression = unwrap(receiver);
  if (Node.isIdentifier(expression)) {
    const target = bindingOf(expression, context, use);
    return target ? { target, chained: false } : undefined;
  }
  const field = thisField(expression);
  if (field) {
    const target = context.apps.get(field.key);
    return target ? { target, chained: false } : undefined;
  }
  if (Node.isCallExpression(expression)) {
    const callee = expression.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) return undefined;
    const inner = targetOf(callee.getExpression(), context, use);
    if (!inner) return undefined;
    if (callee.getName() === 'route') return { target: inner.target, path: pathOf(expression.getArguments()[0]), chained: true };
    if (callee.getName() === 'use' || ROUTE_METHODS.has(callee.getName())) return { ...inner, chained: true };
  }
  return undefined;
}

function register(
  call: CallExpression,
  method: string,
  on: { target: Target; path?: string; chained: boolean },
  context: FileContext,
): void {
  const { target } = on;
  const before = target.registered.length;
  if (method === 'use') registerUse(call, target, context);
  else if ((method === 'set' || method === 'enable') && pathOf(call.getArguments()[0]) === 'trust proxy') {
    // A setting, but its place in the pipeline matters to the session and rate limiter set up around it.
    target.registered.push({
      offset: call.getStart(),
      entry: { name: "set('trust proxy')", role: 'trust-proxy', location: context.locator.of(call) },
    });
  } else if (ROUTE_METHODS.has(method)) registerRoute(call, method, on, context);
  // A statement that registers exactly one entry can be moved as a whole by a fix.
  if (target.registered.length === before + 1 && !on.chained) {
    const statement = movableStatement(call, context.locator);
    if (statement) target.registered[before].entry.statement = statement;
  }
}

function registerUse(call: CallExpression, target: Target, context: FileContext): void {
  const args = call.getArguments();
  const path = pathOf(args[0]);
  const middleware = (path === undefined ? args : args.slice(1)).flatMap((arg) => {
    const value = unwrap(arg);
    return Node.isArrayLiteralExpression(value) ? value.getElements() : [arg];
  });
  for (const arg of middleware) {
    const name = nameOf(arg);
    const router = routerOf(arg, context);
    const role = router ? 'routes' : roleOf(arg, context.imports);
    target.registered.push({
      offset: arg.getStart(),
      entry: {
        name: path === undefined ? name : `${path} ${name}`,
        ...(role ? { role } : {}),
        location: context.locator.of(arg),
        ...(router ? { router } : {}),
      },
    });
  }
}

/** A router variable mounted with `app.use('/x', router)`: one of this file, or one imported from the project. */
function routerOf(arg: Node, context: FileContext): MiddlewareEntry['router'] {
  const value = unwrap(arg);
  if (!Node.isIdentifier(value)) return undefined;
  const local = bindingOf(value, context, 'reads');
  if (local && 'chain' in local) return { module: '', name: value.getText() };
  const binding = context.imports.get(value.getText());
  if (binding && binding.module.startsWith('.')) return { module: binding.module, name: binding.name || 'default' };
  return undefined;
}

function registerRoute(call: CallExpression, method: string, on: { target: Target; path?: string }, context: FileContext): void {
  const args = call.getArguments();
  const path = on.path ?? pathOf(args[0]);
  // `app.get('env')` reads a setting; a route has a path and at least one handler.
  if (on.path === undefined && (path === undefined || args.length < 2)) return;
  if (on.path !== undefined && args.length < 1) return;
  on.target.registered.push({
    offset: call.getExpression().getEnd(),
    entry: { name: `${method.toUpperCase()} ${path}`, role: 'routes', location: context.locator.of(call) },
  });
}

/** `setupSession(app)`, `await configure(this.app, options)`: an app handed to a function, which may register middleware on it. */
function recordHelperCall(call: CallExpression, context: FileContext): void {
  const callee = calleeName(call);
  if (!callee || callee === 'require') return;
  const args = call.getArguments();
  let target: Target | undefined;
  const argument = args.findIndex((arg) => (target = passedTarget(unwrap(arg), context)) !== undefined);
  if (argument === -1 || !target) return;
  noteMember(target, unwrap(args[argument]));
  const reference = resolveReference(call.getExpression(), context.imports);
  const imported = reference ? { module: reference.module, name: reference.name || 'default' } : undefined;
  target.calls.push({
    offset: call.getStart(),
    call: { callee, ...(imported ? { imported } : {}), argument, location: context.locator.of(call), text: shortCall(call) },
  });
}

/** The app or helper parameter an argument hands on: `app`, or `this.app` for an app in a class field. */
function passedTarget(arg: Node, context: FileContext): Target | undefined {
  if (Node.isIdentifier(arg)) return bindingOf(arg, context, 'passes');
  const field = thisField(arg);
  return field ? context.apps.get(field.key) : undefined;
}

/** For an app in a class field, the member that `this.app` was used in. */
function noteMember(target: Target, receiver: Node): void {
  const members = (target as Partial<App>).members;
  if (!members) return;
  let expression = unwrap(receiver);
  // `this.app.use(a).use(b)`: the field is at the bottom of the chain.
  for (let callee: Node; Node.isCallExpression(expression) && Node.isPropertyAccessExpression((callee = expression.getExpression()));)
    expression = unwrap(callee.getExpression());
  const field = thisField(expression);
  if (field) members.add(field.member);
}

/** The call as written, on one line, or `callee(…)` when that is long. */
export function shortCall(call: CallExpression): string {
  const text = call.getText().replace(/\s+/g, ' ');
  return text.length <= 60 ? text : `${call.getExpression().getText()}(…)`;
}

function pathOf(arg: Node | undefined): string | undefined {
  const value = arg ? unwrap(arg) : undefined;
  return value && (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) ? value.getLiteralValue() : undefined;
}

/** The middleware as written: the factory called (`express.static`), the identifier, or an inline function. */
function nameOf(arg: Node): string {
  const value = unwrap(arg);
  return Node.isCallExpression(value) ? value.getExpression().getText() : functionName(value);
}

/** A function as a chain shows it: its name, `(a, b) => {…}` when inline and anonymous, else its text. */
export function functionName(fn: Node): string {
  const value = unwrap(fn);
  if (Node.isArrowFunction(value) || Node.isFunctionExpression(value)) {
    const named = Node.isFunctionExpression(value) ? value.getName() : undefined;
    return (
      named ??
      `(${value
        .getParameters()
        .map((p) => p.getName())
        .join(', ')}) => {…}`
    );
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
      const declared = localValue(value);
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
  return (
    (Node.isArrowFunction(value) || Node.isFunctionExpression(value) || Node.isFunctionDeclaration(value)) &&
    value.getParameters().length === 4
  );
}
