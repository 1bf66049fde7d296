// Fastify plugins registered from another file (`app.register(routes)` with `routes` imported from
// `./routes`): their registrations join the app's chain after the `register` entry, in the context the
// plugin opens (or, for a fastify-plugin-wrapped one, in the registering context).
import type { FileFacts, MiddlewareChain, MiddlewareEntry } from './types';
import { resolveModule } from './modules';

const SEPARATOR = ' › ';
/** Plugins registering imported plugins: a few levels, never a cycle. */
const MAX_DEPTH = 8;

export function linkFastifyPlugins(chains: readonly MiddlewareChain[], files: ReadonlyMap<string, FileFacts>): MiddlewareChain[] {
  return chains.map((chain) =>
    chain.stack === 'fastify' && chain.entries.some((entry) => entry.plugin) ? { ...chain, entries: expand(chain.entries, chain.file, chain.app, files, []) } : chain,
  );
}

function expand(entries: readonly MiddlewareEntry[], file: string, app: string, files: ReadonlyMap<string, FileFacts>, open: readonly string[]): MiddlewareEntry[] {
  const expanded: MiddlewareEntry[] = [];
  for (const entry of entries) {
    const plugin = entry.plugin;
    const target = plugin && resolveModule(file, plugin.module, files);
    const declaration = target ? files.get(target)?.fastifyPlugins?.find((p) => p.names.includes(plugin.name)) : undefined;
    const key = `${target}#${plugin?.name}`;
    if (!target || !declaration || open.includes(key) || open.length >= MAX_DEPTH) {
      expanded.push(entry);
      continue;
    }
    // Relative contexts of the plugin hang under the context it opens, or the registering one.
    const base = entry.context ?? app;
    const opens = declaration.encapsulated ? `${base}${SEPARATOR}${entry.name}` : undefined;
    const top = opens ?? entry.context;
    const prefix = opens ?? base;
    expanded.push({ ...entry, ...(opens ? { opens } : {}) });
    const rebased = declaration.entries.map((inner) => {
      const context = inner.context === undefined ? top : `${prefix}${SEPARATOR}${inner.context}`;
      const { context: _relative, ...rest } = inner;
      return { ...rest, ...(context !== undefined ? { context } : {}), ...(inner.opens ? { opens: `${prefix}${SEPARATOR}${inner.opens}` } : {}) };
    });
    expanded.push(...expand(rebased, target, app, files, [...open, key]));
  }
  return expanded;
}
