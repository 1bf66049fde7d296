// Fastify plugins registered from another file (`app.register(routes)` with `routes` imported from
// `./routes`): their registrations join the app's chain after the `register` entry, in the context the
// plugin opens (or, for a fastify-plugin-wrapped one, in the registering context). What a plugin's own
// helper calls register (`setup(fastify)`) joins it first.
import { CONTEXT_SEPARATOR, placeEntries } from '../../../model/fastify-contexts';
import type { MiddlewareHelpers } from './middleware-links';
import type { FileFacts, MiddlewareChain, MiddlewareEntry } from '../../../model/types';
import { resolveModule } from './modules';

/** Plugins registering imported plugins: a few levels, never a cycle. */
const MAX_DEPTH = 8;

export function linkFastifyPlugins(
  chains: readonly MiddlewareChain[],
  files: ReadonlyMap<string, FileFacts>,
  helpers: MiddlewareHelpers,
): MiddlewareChain[] {
  return chains.map((chain) =>
    chain.stack === 'fastify' && chain.entries.some((entry) => entry.plugin)
      ? { ...chain, entries: expand(chain.entries, chain.app, files, helpers, []) }
      : chain,
  );
}

function expand(
  entries: readonly MiddlewareEntry[],
  app: string,
  files: ReadonlyMap<string, FileFacts>,
  helpers: MiddlewareHelpers,
  open: readonly string[],
): MiddlewareEntry[] {
  const expanded: MiddlewareEntry[] = [];
  for (const entry of entries) {
    const plugin = entry.plugin;
    // Relative to the file that registers it: a helper's registrations keep their own file.
    const target = plugin && resolveModule(entry.location.file, plugin.module, files);
    const declaration = target ? files.get(target)?.fastifyPlugins?.find((p) => p.names.includes(plugin.name)) : undefined;
    const key = `${target}#${plugin?.name}`;
    if (!target || !declaration || open.includes(key) || open.length >= MAX_DEPTH) {
      expanded.push(entry);
      continue;
    }
    // Relative contexts of the plugin hang under the context it opens, or the registering one.
    const base = entry.context ?? app;
    const opens = declaration.encapsulated ? `${base}${CONTEXT_SEPARATOR}${entry.name}` : undefined;
    expanded.push({ ...entry, ...(opens ? { opens } : {}) });
    const own = declaration.calls?.length ? helpers.expandFastify(declaration.entries, declaration.calls, target) : declaration.entries;
    expanded.push(...expand(placeEntries(own, opens ?? entry.context, opens ?? base), app, files, helpers, [...open, key]));
  }
  return expanded;
}
