// Fastify apps: `const app = fastify()` and what is registered on it, as a tree of encapsulation
// contexts. `app.register(plugin)` with a project function opens a child context (hooks, plugins and
// routes registered inside apply only there), unless the function is wrapped in fastify-plugin
// (`fp(fn)`), which runs it in the registering context. Entries are listed in load order: a plugin's
// own registrations follow its `register` entry, each with the context it lands in.
// Package plugins get roles; the session plugins' options (@fastify/session, @fastify/secure-session)
// are read from the `register` call, since the plugin is passed, not called.
import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import type { FastifyPluginDecl, MiddlewareChain, MiddlewareEntry, SessionConfig } from '../../model/types';
import { exportedValues } from './exported-names';
import { factoryCall, resolveReference, unwrap, type ImportTable } from './imports';
import type { NodeIndex } from './node-index';
import { firstParameter, requestReads } from './request-reads';
import type { Locator } from './source';
import { movableStatement } from './movable-statements';
import { constInitializer, readValue } from './values';

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
const SEPARATOR = ' › ';
/** Plugins registering plugins of the same file: a few levels, and never a cycle. */
const MAX_DEPTH = 8;

interface Body {
  fn: Node;
  encapsulated: boolean;
}

interface Walk {
  imports: ImportTable;
  locator: Locator;
  calls: CallExpression[];
  sessions: SessionConfig[];
  /** Plugin bodies being expanded, against cycles. */
  open: Set<Node>;
}

export function extractFastify(source: SourceFile, index: NodeIndex, imports: ImportTable, locator: Locator): { chains: MiddlewareChain[]; sessions: SessionConfig[]; plugins: FastifyPluginDecl[] } {
  const sessions: SessionConfig[] = [];
  const calls = index.of(SyntaxKind.CallExpression);
  const walk: Walk = { imports, locator, calls, sessions, open: new Set() };
  const chains: MiddlewareChain[] = [];
  for (const declaration of index.of(SyntaxKind.VariableDeclaration)) {
    const reference = factoryCall(declaration.getInitializer(), imports)?.reference;
    if (reference?.module !== 'fastify' || (reference.name !== '' && reference.name !== 'fastify') || !Node.isIdentifier(declaration.getNameNode())) continue;
    const app = declaration.getName();
    const scope = declaration.getFirstAncestor((node) => Node.isBlock(node) || Node.isSourceFile(node)) ?? declaration.getSourceFile();
    chains.push({ app, stack: 'fastify', file: locator.file, entries: registrations(walk, scope, app, undefined, app), location: locator.of(declaration) });
  }
  const plugins = mentionsFastify(imports) ? exportedPlugins(walk, source, index) : [];
  return { chains, sessions, plugins };
}

/**
 * Calls on `instance` in `scope` (not shadowed by an inner parameter of that name), as entries in
 * order. `context` is the context of the entries registered here (absent at the top level); child
 * contexts are named `base › plugin`.
 */
function registrations(walk: Walk, scope: Node, instance: string, context: string | undefined, base: string | undefined): MiddlewareEntry[] {
  const entries: MiddlewareEntry[] = [];
  const start = scope.getStart();
  const end = scope.getEnd();
  const used = new Set<string>();
  for (const call of walk.calls) {
    if (call.getStart() < start || call.getEnd() > end) continue;
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !receiverIs(callee.getExpression(), instance, scope)) continue;
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
        entries.push(at({ name, role: 'plugin', location: walk.locator.of(plugin), plugin: { module: reference.module, name: reference.name || 'default' } }));
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
      entries.push(...(body.encapsulated ? registrations(walk, body.fn, param, child, child) : registrations(walk, body.fn, param, context, base)));
      walk.open.delete(body.fn);
    } else if (method === 'addHook') {
      const [hook, handler] = call.getArguments();
      const hookName = hook && (Node.isStringLiteral(hook) || Node.isNoSubstitutionTemplateLiteral(hook)) ? hook.getLiteralValue() : undefined;
      if (!hookName || !handler) continue;
      const reads = readsOf(handler);
      entries.push(at({ name: `${hookName}: ${functionName(handler)}`, role: 'hook', hook: hookName, location: walk.locator.of(call), ...(reads.length ? { reads } : {}) }));
    } else if (ROUTE_METHODS.has(method) || method === 'route') {
      const route = routeOf(call, method);
      if (!route) continue;
      const reads = route.handler ? readsOf(route.handler) : [];
      entries.push(at({ name: route.name, role: 'routes', location: walk.locator.of(call), ...(reads.length ? { reads } : {}) }));
    }
  }
  return entries;
}

/** `app`, or `app.register(a)` chained on it (each call returns the instance). */
function receiverIs(receiver: Node, instance: string, scope: Node): boolean {
  const value = unwrap(receiver);
  if (Node.isIdentifier(value)) return value.getText() === instance && !shadowed(value, instance, scope);
  if (Node.isCallExpression(value)) {
    const callee = value.getExpression();
    return Node.isPropertyAccessExpression(callee) && ['register', 'addHook', ...ROUTE_METHODS].includes(callee.getName()) && receiverIs(callee.getExpression(), instance, scope);
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
  if (Node.isArrowFunction(value) || Node.isFunctionExpression(value) || Node.isFunctionDeclaration(value)) return { fn: value, encapsulated };
  if (Node.isCallExpression(value) && isFastifyPluginCall(imports)(value)) {
    const wrapped = value.getArguments()[0];
    return wrapped ? bodyOf(wrapped, imports, false, depth + 1) : undefined;
  }
  if (Node.isIdentifier(value)) {
    const declared = constInitializer(value) ?? value.getSourceFile().getFunction(value.getText());
    return declared && declared !== value ? bodyOf(declared, imports, encapsulated, depth + 1) : undefined;
  }
  return undefined;
}

const isFastifyPluginCall = (imports: ImportTable) => (call: CallExpression) => resolveReference(call.getExpression(), imports)?.module === 'fastify-plugin';
const mentionsFastify = (imports: ImportTable) => [...imports.values()].some((binding) => binding.module === 'fastify' || binding.module === 'fastify-plugin');

function packagePlugin(walk: Walk, call: CallExpression, plugin: Node, options: Node | undefined, module: string): MiddlewareEntry {
  const role = PLUGIN_ROLES[module];
  // A plugin body is walked for the app that registers it and again as an export: one session each call.
  const known = walk.sessions.some((s) => s.call.range.start.line === walk.locator.of(call).range.start.line && s.call.range.start.character === walk.locator.of(call).range.start.character);
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
function exportedPlugins(walk: Walk, source: SourceFile, index: NodeIndex): FastifyPluginDecl[] {
  const plugins: FastifyPluginDecl[] = [];
  for (const { name, target } of exportedValues(source, index)) {
    const body = bodyOf(target, walk.imports);
    const param = body && firstParameter(body.fn);
    if (!body || !param) continue;
    const existing = plugins.find((p) => p.location.range.start.line === walk.locator.of(body.fn).range.start.line);
    if (existing) {
      existing.names.push(name);
      continue;
    }
    walk.open.add(body.fn);
    const entries = registrations(walk, body.fn, param, undefined, undefined);
    walk.open.delete(body.fn);
    if (entries.length > 0) plugins.push({ names: [name], encapsulated: body.encapsulated, entries, location: walk.locator.of(body.fn) });
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
      return found && Node.isPropertyAssignment(found) ? found.getInitializer() : found && Node.isMethodDeclaration(found) ? found : undefined;
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
  if (Node.isIdentifier(fn)) fn = constInitializer(fn) ?? fn.getSourceFile().getFunction(fn.getText());
  if (fn && (Node.isObjectLiteralExpression(fn) || Node.isCallExpression(fn))) return [];
  const request = fn && firstParameter(unwrap(fn));
  return fn && request ? requestReads(unwrap(fn), [request]) : [];
}

/** How a context is named in paths: the plugin's name, or for an inline function its `prefix` or line. */
function contextLabel(plugin: Node, options: Node | undefined, walk: Walk): string {
  const value = pluginTarget(plugin, walk.imports);
  if (!(Node.isArrowFunction(value) || Node.isFunctionExpression(value)) || (Node.isFunctionExpression(value) && value.getName())) return pluginName(plugin);
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

function functionName(fn: Node): string {
  const value = unwrap(fn);
  if (Node.isArrowFunction(value) || Node.isFunctionExpression(value)) {
    const named = Node.isFunctionExpression(value) ? value.getName() : undefined;
    return named ?? `(${value.getParameters().map((p) => p.getName()).join(', ')}) => {…}`;
  }
  return value.getText();
}
