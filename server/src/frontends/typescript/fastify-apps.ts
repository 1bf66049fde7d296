// Fastify apps: `const app = fastify()`, plugins in registration order (`app.register(plugin, opts)`,
// roles by package), and the session plugins' options (@fastify/session, @fastify/secure-session),
// which are passed to `register`, not called.
import { Node, SyntaxKind } from 'ts-morph';
import type { MiddlewareChain, SessionConfig } from '../../model/types';
import { resolveReference, unwrap, type ImportTable } from './imports';
import type { NodeIndex } from './node-index';
import type { Locator } from './source';
import { readValue } from './values';

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

export function extractFastify(index: NodeIndex, imports: ImportTable, locator: Locator): { chains: MiddlewareChain[]; sessions: SessionConfig[] } {
  const apps = new Map<string, MiddlewareChain>();
  for (const declaration of index.of(SyntaxKind.VariableDeclaration)) {
    const initializer = declaration.getInitializer();
    const call = initializer ? unwrap(initializer) : undefined;
    if (!call || !Node.isCallExpression(call)) continue;
    const reference = resolveReference(call.getExpression(), imports);
    if (reference?.module !== 'fastify' || (reference.name !== '' && reference.name !== 'fastify')) continue;
    apps.set(declaration.getName(), { app: declaration.getName(), stack: 'fastify', file: locator.file, entries: [], location: locator.of(declaration) });
  }
  const sessions: SessionConfig[] = [];
  if (apps.size === 0) return { chains: [], sessions };
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'register') continue;
    const chain = apps.get(callee.getExpression().getText());
    const [plugin, options] = call.getArguments();
    if (!chain || !plugin) continue;
    const module = resolveReference(plugin, imports)?.module;
    const role = module ? PLUGIN_ROLES[module] : undefined;
    chain.entries.push({ name: module ?? plugin.getText(), ...(role ? { role } : {}), location: locator.of(plugin) });
    if (!module || !SESSION_PLUGINS.has(module)) continue;
    const session: SessionConfig = { library: module, stack: 'fastify', call: locator.of(call), file: locator.file };
    if (options) {
      const value = readValue(options, { locator });
      session.options = value.kind === 'object' ? value : { kind: 'object', entries: [], partial: true, location: value.location };
      session.optionsArgument = { location: locator.of(options), isLiteral: Node.isObjectLiteralExpression(options) };
    }
    sessions.push(session);
  }
  return { chains: [...apps.values()], sessions };
}
