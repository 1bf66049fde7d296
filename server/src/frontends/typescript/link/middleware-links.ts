// Express and Fastify chains across files. An app handed to a project function (`setupSession(app)`,
// `await registerPlugins(fastify)`) gets what that function registers, at the place of the call, each
// entry keeping its own file and line; a router mounted with `app.use('/api', router)` lists its own
// chain under its mount point. Functions are linked by name, as the N+1 rule links query helpers: through
// the import when the function comes from a relative module, else by a name that only one function of the
// project has. A Fastify helper runs in the context of its caller (it is called, not registered as a
// plugin): what it registers lands there, and the contexts its inline plugins open hang under it.
import { placeEntries } from '../../../model/fastify-contexts';
import { resolveModule } from './modules';
import type { FileFacts, MiddlewareChain, MiddlewareEntry, MiddlewareHelper, MiddlewareHelperCall } from '../../../model/types';

/** Helpers that hand the app on to helpers, followed this deep at most. */
const MAX_DEPTH = 6;

/** The project's Express and Fastify helper functions, each indexed on first use and shared by the link steps. */
export class MiddlewareHelpers {
  private expressIndex?: HelperIndex;
  private fastifyIndex?: HelperIndex;

  constructor(private readonly files: ReadonlyMap<string, FileFacts>) {}

  get express(): HelperIndex {
    return (this.expressIndex ??= new HelperIndex(this.files, (facts) => facts.middlewareHelpers));
  }

  get fastify(): HelperIndex {
    return (this.fastifyIndex ??= new HelperIndex(this.files, (facts) => facts.fastifyHelpers));
  }

  /** What a Fastify plugin of another file gets from its own helper calls (contexts kept relative to the plugin). */
  expandFastify(entries: readonly MiddlewareEntry[], calls: readonly MiddlewareHelperCall[], file: string): MiddlewareEntry[] {
    return expand(entries, calls, file, this.fastify, new Set(), 0, undefined);
  }
}

export function linkMiddlewareChains(
  chains: readonly MiddlewareChain[],
  files: ReadonlyMap<string, FileFacts>,
  helpers: MiddlewareHelpers,
): MiddlewareChain[] {
  const linked = chains.map((chain): MiddlewareChain => {
    if (!chain.helperCalls?.length) return chain;
    const index =
      chain.stack === 'fastify' ? helpers.fastify : chain.stack === 'express' || chain.stack === 'nest' ? helpers.express : undefined;
    if (!index) return chain;
    // A Fastify chain's contexts are named from the app down; a helper's relative ones join them there.
    const root = chain.stack === 'fastify' ? chain.app : undefined;
    return { ...chain, entries: expand(chain.entries, chain.helperCalls, chain.file, index, new Set(), 0, root) };
  });
  return linkRouters(linked, files);
}

/**
 * The chain's own entries with each helper's entries spliced in where the helper is called. `root`: the
 * app whose context names a Fastify chain's contexts start with (absent: they stay relative).
 */
function expand(
  entries: readonly MiddlewareEntry[],
  calls: readonly MiddlewareHelperCall[],
  file: string,
  helpers: HelperIndex,
  seen: ReadonlySet<MiddlewareHelper>,
  depth: number,
  root: string | undefined,
): MiddlewareEntry[] {
  const result: MiddlewareEntry[] = [];
  for (let i = 0; i <= entries.length; i++) {
    for (const call of calls.filter((c) => c.at === i)) {
      const helper = helpers.resolve(call, file);
      // A helper that (indirectly) calls itself registers its middleware once.
      if (!helper || seen.has(helper) || depth >= MAX_DEPTH) continue;
      const inner = expand(helper.entries, helper.calls, helper.location.file, helpers, new Set([...seen, helper]), depth + 1, undefined);
      // The call the chain's own file makes is what a reader of the chain looks for.
      result.push(
        ...placeEntries(inner, call.context, call.context ?? root).map((entry) => ({
          ...entry,
          via: { call: call.text, location: call.location },
        })),
      );
    }
    if (i < entries.length) result.push(entries[i]);
  }
  return result;
}

class HelperIndex {
  private readonly byFile = new Map<string, MiddlewareHelper[]>();
  private readonly byName = new Map<string, MiddlewareHelper[]>();

  constructor(
    private readonly files: ReadonlyMap<string, FileFacts>,
    helpersOf: (facts: FileFacts) => readonly MiddlewareHelper[] | undefined,
  ) {
    for (const facts of files.values()) {
      for (const helper of helpersOf(facts) ?? []) {
        this.byFile.set(facts.file, [...(this.byFile.get(facts.file) ?? []), helper]);
        for (const name of helper.names) if (name !== 'default') this.byName.set(name, [...(this.byName.get(name) ?? []), helper]);
      }
    }
  }

  resolve(call: MiddlewareHelperCall, from: string): MiddlewareHelper | undefined {
    const fits = (helper: MiddlewareHelper) => helper.parameter === call.argument;
    const { imported } = call;
    if (imported?.module.startsWith('.')) {
      const file = resolveModule(from, imported.module, this.files);
      if (!file) return undefined;
      // `import * as setup from './setup'; setup.session(app)` names the export after the namespace.
      const name = imported.name === 'default' ? 'default' : imported.name.split('.').pop()!;
      return (this.byFile.get(file) ?? []).find((helper) => helper.names.includes(name) && fits(helper));
    }
    if (!imported) {
      const local = (this.byFile.get(from) ?? []).find((helper) => helper.names.includes(call.callee) && fits(helper));
      if (local) return local;
    }
    // A package never defines a project helper; a path alias (`@/setup`) or a method call may: by a unique name.
    const name = imported && imported.name !== 'default' ? imported.name.split('.').pop()! : call.callee;
    const candidates = (this.byName.get(name) ?? []).filter(fits);
    return candidates.length === 1 ? candidates[0] : undefined;
  }
}

/** Mount points of routers get the role `routes` and the router's own chain under them. */
function linkRouters(chains: MiddlewareChain[], files: ReadonlyMap<string, FileFacts>): MiddlewareChain[] {
  const routerOf = (entry: MiddlewareEntry, chain: MiddlewareChain): MiddlewareChain | undefined => {
    const router = entry.router;
    if (!router) return undefined;
    if (router.module === '') return chains.find((other) => other !== chain && other.file === chain.file && other.app === router.name);
    const file = router.module.startsWith('.') ? resolveModule(entry.location.file, router.module, files) : undefined;
    return file ? chains.find((other) => other.file === file && other.exportedAs?.includes(router.name)) : undefined;
  };
  return chains.map((chain) => {
    if (!chain.entries.some((entry) => entry.router)) return chain;
    const entries = chain.entries.map((entry) => {
      const router = routerOf(entry, chain);
      if (!router || router === chain) return entry;
      return { ...entry, role: entry.role ?? 'routes', mounted: router.entries };
    });
    return { ...chain, entries };
  });
}
