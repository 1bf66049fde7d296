// Fastify apps: `const app = fastify()` and what is registered on it, as a tree of encapsulation
// contexts. `app.register(plugin)` with a project function opens a child context (hooks, plugins and
// routes registered inside apply only there), unless the function is wrapped in fastify-plugin
// (`fp(fn)`), which runs it in the registering context. Entries are listed in load order: a plugin's
// own registrations follow its `register` entry, each with the context it lands in.
// Package plugins get roles; the session plugins' options (@fastify/session, @fastify/secure-session)
// are read from the `register` call, since the plugin is passed, not called.
// A function the instance is handed to (`await setup(app)`) is not a plugin: it registers in the
// caller's context. Such calls are recorded where they happen, and the file's functions that register on
// an instance they receive are its helpers; the model splices them in across files. A NestJS app created
// with `new FastifyAdapter()` registers Fastify plugins the same way (`await app.register(fastifyCookie)`).
import {
  Node,
  SyntaxKind,
  type ArrowFunction,
  type CallExpression,
  type FunctionDeclaration,
  type FunctionExpression,
  type ParameterDeclaration,
  type SourceFile,
} from 'ts-morph';
import type {
  FastifyPluginDecl,
  MiddlewareChain,
  MiddlewareEntry,
  MiddlewareHelper,
  MiddlewareHelperCall,
  SessionConfig,
} from '../../../model/types';
import { exportedValues, functionNames, type ExportedNames, type FileExport } from '../syntax/exported-names';
import { functionName, shortCall } from './express-apps';
import { factoryCall, resolveReference, unwrap, type ImportTable } from '../syntax/imports';
import { createsNestApp, usesFastifyAdapter } from './nest-apps';
import type { NodeIndex } from '../syntax/node-index';
import { calleeName, enclosingFunctionName } from '../queries/query-helpers';
import { firstParameter, requestReads } from './request-reads';
import type { Locator } from '../syntax/source';
import { movableStatement } from './movable-statements';
import { localValue } from '../syntax/local-functions';
import { readValue } from '../syntax/values';

const PLUGIN_ROLES: Record<string, string> = {
  '@fastify/cookie': 'cookie-parser',
  '@fastify/session': 'session',
  '@fastify/secure-session': 'session',
  '@fastify/csrf-protection': 'csrf',
  '@fastify/helmet': 'helmet',
  '@fastify/cors': 'cors',
  '@fastify/rate-limit': 'rate-limit',
  '@fastify/static': 'static',
  '@fastify/formbody': 'body-parser',
};
const SESSION_PLUGINS = new Set(['@fastify/session', '@fastify/secure-session']);
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);
const REGISTERING = new Set(['register', 'addHook', 'route', ...ROUTE_METHODS]);
/**
 * A parameter a function only hands on (`function configure(app) { setupSession(app) }`) is taken for an
 * instance when its name or declared type says so; one it registers on directly always is.
 */
const INSTANCE_NAMES = new Set(['app', 'fastify', 'server', 'instance']);
const INSTANCE_TYPES = new Set(['FastifyInstance', 'NestFastifyApplication']);
const SEPARATOR = ' › ';
/** Plugins registering plugins of the same file: a few levels, and never a cycle. */
const MAX_DEPTH = 8;

interface Body {
  fn: Node;
  encapsulated: boolean;
}

/** What a function body registers on an instance, and the project functions it hands the instance to. */
interface Registered {
  entries: MiddlewareEntry[];
  calls: MiddlewareHelperCall[];
}

interface Walk {
  imports: ImportTable;
  locator: Locator;
  calls: CallExpression[];
  sessions: SessionConfig[];
  /** Plugin bodies being expanded, against cycles. */
  open: Set<Node>;
}

export function extractFastify(
  source: SourceFile,
  index: NodeIndex,
  imports: ImportTable,
  locator: Locator,
  exports: readonly FileExport[],
  exported: ExportedNames,
): { chains: MiddlewareChain[]; sessions: SessionConfig[]; plugins: FastifyPluginDecl[]; helpers: MiddlewareHelper[] } {
  const sessions: SessionConfig[] = [];
  const calls = index.of(SyntaxKind.CallExpression);
  const walk: Walk = { imports, locator, calls, sessions, open: new Set() };
  const chains: MiddlewareChain[] = [];
  for (const declaration of index.of(SyntaxKind.VariableDeclaration)) {
    const made = factoryCall(declaration.getInitializer(), imports);
    const reference = made?.reference;
    const fastify = reference?.module === 'fastify' && (reference.name === '' || reference.name === 'fastify');
    const nest = !!made && createsNestApp(reference) && usesFastifyAdapter(made.call, imports);
    if (!(fastify || nest) || !Node.isIdentifier(declaration.getNameNode())) continue;
    const app = declaration.getName();
    const scope = declaration.getFirstAncestor((node) => Node.isBlock(node) || Node.isSourceFile(node)) ?? declaration.getSourceFile();
    const { entries, calls: helperCalls } = registrations(walk, scope, app, undefined, app);
    // A NestJS app's Fastify side joins its pipeline when the project is linked (model/nest-chains.ts).
    if (nest && entries.length + helperCalls.length === 0) continue;
    chains.push({
      app,
      stack: 'fastify',
      file: locator.file,
      entries,
      location: locator.of(declaration),
      ...(helperCalls.length ? { helperCalls } : {}),
      ...(nest ? { nestAdapter: 'fastify' as const } : {}),
    });
  }
  const mentions = mentionsFastify(imports);
  const plugins = mentions ? exportedPlugins(walk, exports) : [];
  const helpers = mentions ? helperFunctions(walk, exported) : [];
  return { chains, sessions, plugins, helpers };
}

/**
 * Calls on `instance` in `scope` (not shadowed by an inner parameter of that name), as entries in
 * order. `context` is the context of the entries registered here (absent at the top level); child
 * contexts are named `base › plugin`.
 */
function registrations(walk: Walk, scope: Node, instance: string, context: string | undefined, base: string | undefined): Registered {
  const entries: MiddlewareEntry[] = [];
  const calls: MiddlewareHelperCall[] = [];
  const start = scope.getStart();
  const end = scope.getEnd();
  const used = new Set<string>();
  for (const call of walk.calls) {
    if (call.getStart() < start || call.getEnd() > end) continue;
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !receiverIs(callee.getExpression(), instance, scope)) {
      const handed = helperCall(call, instance, scope, walk);
      if (handed) calls.push({ ...handed, at: entries.length, ...(context !== undefined ? { context } : {}) });
      continue;
    }
    const method = callee.getName();
    const at = (entry: MiddlewareEntry): MiddlewareEntry => {
      // `app.register(a).register(b);` is one statement for two entries: it cannot move one of them.
      const statement = Node.isIdentifier(unwrap(callee.getExpression())) ? movableStatement(call, walk.locator) : undefined;
      return { ...entry, ...(context !== undefined ? { context } : {}), ...(statement ? { statement } : {}) };
    };
    if (method === 'register') {
      const [plugin, options] = call.getArguments();
      if (!plugin) continue;
      const reference = resolveReference(pluginTarget(plugin, walk.imports), walk.imports);
      if (reference && !reference.module.startsWith('.')) {
        entries.push(at(packagePlugin(walk, call, plugin, options, reference.module)));
        continue;
      }
      const name = pluginName(plugin);
      if (reference) {
        // A plugin of another file: expanded when the project is linked.
        entries.push(
          at({
            name,
            role: 'plugin',
            location: walk.locator.of(plugin),
            plugin: { module: reference.module, name: reference.name || 'default' },
          }),
        );
        continue;
      }
      const body = bodyOf(plugin, walk.imports);
      const param = body && firstParameter(body.fn);
      if (!body || !param || walk.open.has(body.fn) || walk.open.size >= MAX_DEPTH) {
        entries.push(at({ name, location: walk.locator.of(plugin) }));
        continue;
      }
      const named = contextLabel(plugin, options, walk);
      let label = named;
      for (let n = 2; used.has(label); n++) label = `${named} (${n})`;
      used.add(label);
      const child = base === undefined ? label : `${base}${SEPARATOR}${label}`;
      entries.push(at({ name, role: 'plugin', location: walk.locator.of(plugin), ...(body.encapsulated ? { opens: child } : {}) }));
      walk.open.add(body.fn);
      const inner = body.encapsulated
        ? registrations(walk, body.fn, param, child, child)
        : registrations(walk, body.fn, param, context, base);
      walk.open.delete(body.fn);
      calls.push(...inner.calls.map((c) => ({ ...c, at: c.at + entries.length })));
      entries.push(...inner.entries);
    } else if (method === 'addHook') {
      const [hook, handler] = call.getArguments();
      const hookName =
        hook && (Node.isStringLiteral(hook) || Node.isNoSubstitutionTemplateLiteral(hook)) ? hook.getLiteralValue() : undefined;
      if (!hookName || !handler) continue;
      const reads = readsOf(handler);
      entries.push(
        at({
          name: `${hookName}: ${functionName(handler)}`,
          role: 'hook',
          hook: hookName,
          location: walk.locator.of(call),
          ...(reads.length ? { reads } : {}),
        }),
      );
    } else if (ROUTE_METHODS.has(method) || method === 'route') {
      const route = routeOf(call, method);
      if (!route) continue;
      const reads = route.handler ? readsOf(route.handler) : [];
      entries.push(at({ name: route.name, role: 'routes', location: walk.locator.of(call), ...(reads.length ? { reads } : {}) }));
    }
  }
  return { entries, calls };
}

/** `setup(app)`, `await registerPlugins(app, options)`: the instance handed to a function, which may register on it. */
function helperCall(call: CallExpression, instance: string, scope: Node, walk: Walk): Omit<MiddlewareHelperCall, 'at'> | undefined {
  const callee = calleeName(call);
  if (!callee || callee === 'require') return undefined;
  const argument = call.getArguments().findIndex((arg) => {
    const value = unwrap(arg);
    return Node.isIdentifier(value) && value.getText() === instance && !shadowed(value, instance, scope);
  });
  if (argument === -1) return undefined;
  const reference = resolveReference(call.getExpression(), walk.imports);
  const imported = reference ? { module: reference.module, name: reference.name || 'default' } : undefined;
  return { callee, ...(imported ? { imported } : {}), argument, location: walk.locator.of(call), text: shortCall(call) };
}

/**
 * The file's functions that register on an instance they receive, or hand it on to another function:
 * each with the parameter it gets the instance through. Found from the registering calls, so a file
 * of many functions is not walked once per function.
 */
function helperFunctions(walk: Walk, exported: ExportedNames): MiddlewareHelper[] {
  const candidates = new Map<FunctionDeclaration | ArrowFunction | FunctionExpression, Set<number>>();
  const consider = (identifier: Node, passed: boolean) => {
    const name = identifier.getText();
    for (let fn = identifier.getParent(); fn; fn = fn.getParent()) {
      if (!Node.isFunctionDeclaration(fn) && !Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn)) continue;
      const parameters = fn.getParameters();
      const index = parameters.findIndex((p) => p.getName() === name);
      if (index === -1) continue;
      if (!passed || looksLikeInstance(parameters[index])) candidates.set(fn, (candidates.get(fn) ?? new Set()).add(index));
      return;
    }
  };
  for (const call of walk.calls) {
    const callee = call.getExpression();
    const receiver = Node.isPropertyAccessExpression(callee) ? unwrap(callee.getExpression()) : undefined;
    if (receiver && Node.isIdentifier(receiver) && Node.isPropertyAccessExpression(callee) && REGISTERING.has(callee.getName()))
      consider(receiver, false);
    else for (const arg of call.getArguments()) if (Node.isIdentifier(unwrap(arg))) consider(unwrap(arg), true);
  }
  const helpers: MiddlewareHelper[] = [];
  for (const [fn, parameters] of candidates) {
    for (const parameter of parameters) {
      const param = fn.getParameters()[parameter];
      const own = Node.isFunctionDeclaration(fn) ? fn.getName() : enclosingFunctionName(param);
      const names = functionNames(fn, own, exported);
      if (names.length === 0 || walk.open.has(fn)) continue;
      walk.open.add(fn);
      const { entries, calls } = registrations(walk, fn, param.getName(), undefined, undefined);
      walk.open.delete(fn);
      if (entries.length + calls.length > 0) helpers.push({ names, parameter, entries, calls, location: walk.locator.of(fn) });
    }
  }
  return helpers;
}

function looksLikeInstance(parameter: ParameterDeclaration): boolean {
  const type = parameter.getTypeNode();
  const typeName = type && Node.isTypeReference(type) ? type.getTypeName().getText().split('.').pop() : undefined;
  return INSTANCE_NAMES.has(parameter.getName()) || (typeName !== undefined && INSTANCE_TYPES.has(typeName));
}

/** `app`, or `app.register(a)` chained on it (each call returns the instance). */
function receiverIs(receiver: Node, instance: string, scope: Node): boolean {
  const value = unwrap(receiver);
  if (Node.isIdentifier(value)) return value.getText() === instance && !shadowed(value, instance, scope);
  if (Node.isCallExpression(value)) {
    const callee = value.getExpression();
    return (
      Node.isPropertyAccessExpression(callee) &&
      ['register', 'addHook', ...ROUTE_METHODS].includes(callee.getName()) &&
      receiverIs(callee.getExpression(), instance, scope)
    );
  }
  return false;
}

/** A function between the use and `scope` declares a parameter of the same name (a plugin's own instance). */
function shadowed(use: Node, name: string, scope: Node): boolean {
  for (let node = use.getParent(); node && node !== scope; node = node.getParent()) {
    if (Node.isFunctionLikeDeclaration(node) && node.getParameters().some((p) => p.getName() === name)) return true;
  }
  return false;
}

/** `fp(plugin)` → `plugin`: what decides which module the plugin comes from. */
function pluginTarget(plugin: Node, imports: ImportTable): Node {
  const value = unwrap(plugin);
  const wrapped = Node.isCallExpression(value) && isFastifyPluginCall(imports)(value) ? value.getArguments()[0] : undefined;
  return wrapped ? unwrap(wrapped) : value;
}

/** The function a `register` argument runs, and whether it gets a context of its own. */
function bodyOf(plugin: Node, imports: ImportTable, encapsulated = true, depth = 0): Body | undefined {
  const value = unwrap(plugin);
  if (depth > 4) return undefined;
  if (Node.isArrowFunction(value) || Node.isFunctionExpression(value) || Node.isFunctionDeclaration(value))
    return { fn: value, encapsulated };
  if (Node.isCallExpression(value) && isFastifyPluginCall(imports)(value)) {
    const wrapped = value.getArguments()[0];
    return wrapped ? bodyOf(wrapped, imports, false, depth + 1) : undefined;
  }
  if (Node.isIdentifier(value)) {
    const declared = localValue(value);
    return declared && declared !== value ? bodyOf(declared, imports, encapsulated, depth + 1) : undefined;
  }
  return undefined;
}

const isFastifyPluginCall = (imports: ImportTable) => (call: CallExpression) =>
  resolveReference(call.getExpression(), imports)?.module === 'fastify-plugin';
const FASTIFY_MODULES = new Set(['fastify', 'fastify-plugin', '@nestjs/platform-fastify']);
const mentionsFastify = (imports: ImportTable) =>
  [...imports.values()].some((binding) => FASTIFY_MODULES.has(binding.module) || binding.module.startsWith('@fastify/'));

function packagePlugin(walk: Walk, call: CallExpression, plugin: Node, options: Node | undefined, module: string): MiddlewareEntry {
  const role = PLUGIN_ROLES[module];
  // A plugin body is walked for the app that registers it and again as an export: one session each call.
  const known = walk.sessions.some(
    (s) =>
      s.call.range.start.line === walk.locator.of(call).range.start.line &&
      s.call.range.start.character === walk.locator.of(call).range.start.character,
  );
  if (SESSION_PLUGINS.has(module) && !known) {
    const session: SessionConfig = { library: module, stack: 'fastify', call: walk.locator.of(call), file: walk.locator.file };
    if (options) {
      const value = readValue(options, { locator: walk.locator });
      session.options = value.kind === 'object' ? value : { kind: 'object', entries: [], partial: true, location: value.location };
      session.optionsArgument = { location: walk.locator.of(options), isLiteral: Node.isObjectLiteralExpression(options) };
    }
    walk.sessions.push(session);
  }
  return { name: module, ...(role ? { role } : {}), location: walk.locator.of(plugin) };
}

/**
 * The file's plugins that another file can register: exported functions (or `fp(...)` of one) whose
 * first parameter registers something.
 */
function exportedPlugins(walk: Walk, exports: readonly FileExport[]): FastifyPluginDecl[] {
  const plugins: FastifyPluginDecl[] = [];
  for (const { name, target } of exportedValues(exports)) {
    const body = bodyOf(target, walk.imports);
    const param = body && firstParameter(body.fn);
    if (!body || !param) continue;
    const existing = plugins.find((p) => p.location.range.start.line === walk.locator.of(body.fn).range.start.line);
    if (existing) {
      existing.names.push(name);
      continue;
    }
    walk.open.add(body.fn);
    const { entries, calls } = registrations(walk, body.fn, param, undefined, undefined);
    walk.open.delete(body.fn);
    if (entries.length + calls.length > 0)
      plugins.push({
        names: [name],
        encapsulated: body.encapsulated,
        entries,
        ...(calls.length ? { calls } : {}),
        location: walk.locator.of(body.fn),
      });
  }
  return plugins;
}

function routeOf(call: CallExpression, method: string): { name: string; handler?: Node } | undefined {
  const args = call.getArguments();
  if (method === 'route') {
    const options = args[0] ? unwrap(args[0]) : undefined;
    if (!options || !Node.isObjectLiteralExpression(options)) return undefined;
    const property = (key: string) => {
      const found = options.getProperty(key);
      return found && Node.isPropertyAssignment(found)
        ? found.getInitializer()
        : found && Node.isMethodDeclaration(found)
          ? found
          : undefined;
    };
    const methodValue = property('method');
    const url = property('url') ?? property('path');
    const verb = methodValue && Node.isStringLiteral(methodValue) ? methodValue.getLiteralValue().toUpperCase() : 'ROUTE';
    return { name: `${verb} ${url && Node.isStringLiteral(url) ? url.getLiteralValue() : '…'}`, handler: property('handler') };
  }
  const path = args[0] ? unwrap(args[0]) : undefined;
  // `app.get('/x', handler)` / `app.get('/x', { schema }, handler)`: a path and at least one more argument.
  if (!path || !(Node.isStringLiteral(path) || Node.isNoSubstitutionTemplateLiteral(path)) || args.length < 2) return undefined;
  return { name: `${method.toUpperCase()} ${path.getLiteralValue()}`, handler: args[args.length - 1] };
}

function readsOf(handler: Node): string[] {
  let fn: Node | undefined = unwrap(handler);
  if (Node.isIdentifier(fn)) fn = localValue(fn);
  if (fn && (Node.isObjectLiteralExpression(fn) || Node.isCallExpression(fn))) return [];
  const request = fn && firstParameter(unwrap(fn));
  return fn && request ? requestReads(unwrap(fn), [request]) : [];
}

/** How a context is named in paths: the plugin's name, or for an inline function its `prefix` or line. */
function contextLabel(plugin: Node, options: Node | undefined, walk: Walk): string {
  const value = pluginTarget(plugin, walk.imports);
  if (!(Node.isArrowFunction(value) || Node.isFunctionExpression(value)) || (Node.isFunctionExpression(value) && value.getName()))
    return pluginName(plugin);
  const object = options ? unwrap(options) : undefined;
  const prefix = object && Node.isObjectLiteralExpression(object) ? object.getProperty('prefix') : undefined;
  const path = prefix && Node.isPropertyAssignment(prefix) ? prefix.getInitializer() : undefined;
  if (path && Node.isStringLiteral(path)) return path.getLiteralValue();
  return `plugin at line ${walk.locator.of(plugin).range.start.line + 1}`;
}

function pluginName(plugin: Node): string {
  const value = unwrap(plugin);
  if (Node.isCallExpression(value) && value.getArguments()[0]) return pluginName(value.getArguments()[0]);
  return functionName(value);
}
