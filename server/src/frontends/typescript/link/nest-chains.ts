// A NestJS app's request pipeline, assembled across files: `app.use` middleware in main.ts (global),
// then the middleware each module's `configure(consumer)` applies, module by module from the root
// module given to NestFactory.create (Nest registers them by the module's distance from the root,
// @Global() modules first), then guards, interceptors, pipes and exception filters — the `useGlobal*`
// ones of main.ts before the APP_GUARD-style providers of the modules, then the guards @UseGuards binds
// to the modules' controllers and their handlers (global → controller → route). Entries that are project
// classes or functions carry what their code reads from the request. On the Fastify adapter, the plugins
// main.ts registers (`await app.register(fastifyCookie)`, read as a Fastify chain) are global entries too,
// in the order they are written among the `app.use` calls.
import type { FileFacts, Location, MiddlewareChain, MiddlewareEntry, NestEntry, NestFacts, NestRef, NestStage } from '../../../model/types';
import { resolveModule } from './modules';

type NestModule = NestFacts['modules'][number];

const LATER_STAGES: NestStage[] = ['guard', 'interceptor', 'pipe', 'filter'];

export function linkNestChains(chains: readonly MiddlewareChain[], files: ReadonlyMap<string, FileFacts>): MiddlewareChain[] {
  let result = [...chains];
  for (const facts of files.values()) {
    for (const app of facts.nest?.apps ?? []) {
      const plugins = result.find(
        (chain) => chain.stack === 'fastify' && chain.nestAdapter === 'fastify' && chain.file === facts.file && chain.app === app.app,
      );
      if (plugins) result = result.filter((chain) => chain !== plugins);
      const index = result.findIndex((chain) => chain.stack === 'nest' && chain.file === facts.file && chain.app === app.app);
      const found: MiddlewareChain =
        index === -1 ? { app: app.app, stack: 'nest', file: facts.file, entries: [], location: app.location } : result[index];
      const chain = plugins ? { ...found, entries: inWrittenOrder(found.entries, plugins.entries, facts.file) } : found;
      const modules = app.root ? moduleOrder(app.root, facts.file, files) : [];
      const withReads = (items: { nest: NestEntry; file: string }[]) => items.map(({ nest, file }) => readsOf(nest, file, files));
      const global = chain.entries.map((entry) => ({ ...entry, stage: entry.stage ?? ('global' as const) }));
      const moduleMiddleware = withReads(
        modules.flatMap(({ module, file }) => module.entries.filter((e) => e.entry.stage === 'module').map((nest) => ({ nest, file }))),
      );
      const bound = modules.flatMap(({ module, file }) =>
        module.controllers.flatMap((ref) => find(ref, file, files, (facts) => facts.nest?.controllers ?? []) ?? []),
      );
      const later = LATER_STAGES.flatMap((stage) => {
        const listed = withReads([
          ...app.entries.filter((e) => e.entry.stage === stage).map((nest) => ({ nest, file: facts.file })),
          ...modules.flatMap(({ module, file }) => module.entries.filter((e) => e.entry.stage === stage).map((nest) => ({ nest, file }))),
          // Then what @UseGuards (@UseInterceptors, ...) binds to the controllers of those modules and their handlers.
          ...bound.flatMap(({ item, file }) => item.entries.filter((e) => e.entry.stage === stage).map((nest) => ({ nest, file }))),
        ]);
        // Exception filters are the one stage Nest runs the other way: the handler's first, the global ones last.
        return stage === 'filter' ? listed.reverse() : listed;
      });
      const linked: MiddlewareChain = {
        ...chain,
        entries: [...global, ...moduleMiddleware, ...later],
        nestAdapter: app.fastify ? 'fastify' : 'express',
      };
      if (index === -1) result.push(linked);
      else result[index] = linked;
    }
  }
  return result;
}

/**
 * Two lists of one app's registrations merged in the order main.ts writes them, each keeping its own
 * order: an entry is placed by the call in main.ts that registers it (the helper call, for what a helper
 * registers; the plugin's `register` call, for what a plugin of another file registers).
 */
function inWrittenOrder(a: readonly MiddlewareEntry[], b: readonly MiddlewareEntry[], file: string): MiddlewareEntry[] {
  const anchored = (entries: readonly MiddlewareEntry[]) => {
    let last: Location | undefined;
    return entries.map((entry) => {
      const own = entry.via?.location ?? (entry.location.file === file ? entry.location : undefined);
      last = own ?? last;
      return { entry, at: last };
    });
  };
  const offset = (at: Location | undefined) => (at ? at.range.start.line * 1e6 + at.range.start.character : -1);
  const left = anchored(a);
  const right = anchored(b);
  const merged: MiddlewareEntry[] = [];
  while (left.length && right.length) merged.push((offset(left[0].at) <= offset(right[0].at) ? left : right).shift()!.entry);
  return [...merged, ...left.map((x) => x.entry), ...right.map((x) => x.entry)];
}

/** The modules reachable from the root, in the order Nest registers their middleware. */
function moduleOrder(root: NestRef, file: string, files: ReadonlyMap<string, FileFacts>): { module: NestModule; file: string }[] {
  const found: { module: NestModule; file: string; depth: number; order: number }[] = [];
  const visit = (ref: NestRef, from: string, depth: number) => {
    const target = find(ref, from, files, (facts) => facts.nest?.modules ?? []);
    if (!target || found.some((f) => f.module === target.item)) return;
    found.push({ module: target.item, file: target.file, depth, order: found.length });
    for (const imported of target.item.imports) visit(imported, target.file, depth + 1);
  };
  visit(root, file, 0);
  // @Global() modules first, then by distance from the root; ties keep the order Nest scans them in.
  const rank = (f: (typeof found)[number]) => (f.module.global ? -1 : f.depth);
  return found.sort((a, b) => rank(a) - rank(b) || a.order - b.order);
}

/** A class or function by reference: in the same file, or in the project file it is imported from. */
function find<T extends { names: string[] }>(
  ref: NestRef,
  from: string,
  files: ReadonlyMap<string, FileFacts>,
  items: (facts: FileFacts) => readonly T[],
): { item: T; file: string } | undefined {
  const file = ref.imported ? resolveModule(from, ref.imported.module, files) : from;
  const facts = file ? files.get(file) : undefined;
  const name = ref.imported ? ref.imported.name : ref.name;
  const item = facts ? items(facts).find((candidate) => candidate.names.includes(name)) : undefined;
  return item && file ? { item, file } : undefined;
}

function readsOf(nest: NestEntry, file: string, files: ReadonlyMap<string, FileFacts>): MiddlewareEntry {
  const reader = nest.ref ? find(nest.ref, file, files, (facts) => facts.nest?.readers ?? []) : undefined;
  return reader ? { ...nest.entry, reads: reader.item.reads } : nest.entry;
}
