// The project's call graph, linked: each call a file's bindings name is followed to the function it reaches
// (a relative import, a path alias, a barrel's re-export, a method a class inherits), and a call made once
// per element of a loop becomes a LoopCall when the function it reaches runs a query on a model the
// project declares, itself or through the functions it calls. Each function's queries are summed up once
// (memoised), so linking costs the size of the graph, not the number of loops times its depth.
import type { CallGraphFacts, CallTarget, FunctionFacts, FunctionQuery, LoopCall, ProjectModel, ReachedQuery } from '../../../model/types';
import { resolveModule } from './modules';

/** Queries kept per function: enough to name one and to count a few. */
const MAX_QUERIES = 8;
/** How far an import is followed through barrels (`export * from`). */
const MAX_REEXPORTS = 6;

interface Found {
  file: string;
  fn: FunctionFacts;
}

interface Summary {
  queries: { query: FunctionQuery; through: Found[] }[];
}

export function linkLoopCalls(model: ProjectModel): LoopCall[] {
  const graph = new CallGraph(model);
  const calls: LoopCall[] = [];
  // One finding per loop: the loop is the root cause; its other calls that query go along as related places.
  const byLoop = new Map<string, LoopCall>();
  for (const [file, facts] of graph.files) {
    for (const fn of facts.functions) {
      for (const call of fn.calls) {
        if (!call.loop) continue;
        const target = graph.resolve(file, call.target);
        if (!target) continue;
        const reaches = graph.reached(target, { file, fn });
        if (!reaches) continue;
        const key = `${call.loop.location.file}:${call.loop.location.range.start.line}:${call.loop.location.range.start.character}`;
        const first = byLoop.get(key);
        if (first) {
          first.alsoCalls = [...(first.alsoCalls ?? []), { callee: call.callee, location: call.location }];
          continue;
        }
        const loopCall: LoopCall = {
          callee: call.callee,
          location: call.location,
          loop: call.loop.location,
          loopKind: call.loop.kind,
          reaches,
        };
        byLoop.set(key, loopCall);
        calls.push(loopCall);
      }
    }
  }
  return calls;
}

class CallGraph {
  readonly files = new Map<string, CallGraphFacts>();
  private readonly functions = new Map<string, Map<string, FunctionFacts>>();
  private readonly known: Set<string>;
  private readonly summaries = new Map<FunctionFacts, Summary>();
  private readonly byTail = new Map<string, string[]>();
  private readonly exports = new Map<string, { file: string; local: string } | undefined>();
  private readonly targets = new Map<string, Found | undefined>();

  constructor(private readonly model: ProjectModel) {
    this.known = new Set(model.models.map((m) => `${m.stack}:${m.name}`));
    for (const [file, facts] of model.files) {
      if (!facts.callGraph) continue;
      this.files.set(file, facts.callGraph);
      this.functions.set(file, new Map(facts.callGraph.functions.map((fn) => [fn.id, fn])));
      const tail = tailOf(file);
      this.byTail.set(tail, [...(this.byTail.get(tail) ?? []), file]);
    }
  }

  /** The function a call names, seen from `file`. */
  resolve(file: string, target: CallTarget): Found | undefined {
    const key = `${file}\0${target.module ?? ''}\0${target.name}\0${target.member ?? ''}`;
    if (!this.targets.has(key)) this.targets.set(key, this.lookUp(file, target));
    return this.targets.get(key);
  }

  private lookUp(file: string, target: CallTarget): Found | undefined {
    const place = target.module ? this.exported(this.moduleFile(file, target.module), target.name, 0) : { file, local: target.name };
    if (!place) return undefined;
    return target.member ? this.method(place.file, place.local, target.member, 0) : this.function(place.file, place.local);
  }

  /** What a loop call reaches, or undefined when it runs no query on a declared model. */
  reached(target: Found, caller: Found): ReachedQuery | undefined {
    const { queries } = this.summary(target);
    if (queries.length === 0) return undefined;
    const named = queries.find((q) => !q.query.batchable) ?? queries[0];
    return {
      query: named.query,
      through: [target, ...named.through].map(({ fn }) => ({ name: fn.id, location: fn.location })),
      batchable: queries.every((q) => q.query.batchable),
      count: queries.length,
      ...(this.leadsTo(target, caller) ? { recursive: true } : {}),
    };
  }

  private summary(found: Found): Summary {
    const cached = this.summaries.get(found.fn);
    if (cached) return cached;
    const summary: Summary = { queries: [] };
    // Set before following calls: a recursion adds nothing new.
    this.summaries.set(found.fn, summary);
    const add = (query: FunctionQuery, through: Found[]) => {
      if (summary.queries.length >= MAX_QUERIES || summary.queries.some((q) => sameLocation(q.query, query))) return;
      summary.queries.push({ query, through });
    };
    for (const query of found.fn.queries) if (this.known.has(`${query.stack}:${query.model}`)) add(query, []);
    for (const call of found.fn.calls) {
      const callee = this.resolve(found.file, call.target);
      if (!callee || callee.fn === found.fn) continue;
      for (const { query, through } of this.summary(callee).queries) add(query, [callee, ...through]);
    }
    return summary;
  }

  /** Whether `from` calls back into `to`, directly or through other functions: a recursion. */
  private leadsTo(from: Found, to: Found): boolean {
    const visited = new Set<FunctionFacts>();
    const stack = [from];
    while (stack.length > 0 && visited.size < 200) {
      const current = stack.pop()!;
      if (current.fn === to.fn) return true;
      if (visited.has(current.fn)) continue;
      visited.add(current.fn);
      for (const call of current.fn.calls) {
        const next = this.resolve(current.file, call.target);
        if (next) stack.push(next);
      }
    }
    return false;
  }

  private function(file: string, id: string): Found | undefined {
    const fn = this.functions.get(file)?.get(id);
    return fn ? { file, fn } : undefined;
  }

  /** `Class.member` in `file`, else in the class it extends. */
  private method(file: string, className: string, member: string, depth: number): Found | undefined {
    const own = this.function(file, `${className}.${member}`);
    if (own || depth > MAX_REEXPORTS) return own;
    const base = this.files.get(file)?.classes.find((c) => c.name === className)?.base;
    if (!base) return undefined;
    const place = base.module ? this.exported(this.moduleFile(file, base.module), base.name, 0) : { file, local: base.name };
    return place ? this.method(place.file, place.local, member, depth + 1) : undefined;
  }

  /** The file and local name behind an export, through `export { a as b } from` and `export * from`. */
  private exported(file: string | undefined, name: string, depth: number): { file: string; local: string } | undefined {
    if (!file) return undefined;
    // Barrels re-export barrels: each (file, name) is looked up once.
    const key = `${file}\0${name}`;
    if (this.exports.has(key)) return this.exports.get(key);
    this.exports.set(key, undefined);
    const found = this.lookUpExport(file, name, depth);
    this.exports.set(key, found);
    return found;
  }

  private lookUpExport(file: string, name: string, depth: number): { file: string; local: string } | undefined {
    const facts = this.files.get(file);
    if (!facts || depth > MAX_REEXPORTS) return undefined;
    // `service.f()` on a default import is the default export's member `f`.
    const local = (facts.exports.find((e) => e.name === name) ?? facts.exports.find((e) => e.name === `default.${name}`))?.local;
    if (local) return { file, local };
    for (const reexport of facts.reexports) {
      if (reexport.name !== undefined && reexport.as !== name) continue;
      const found = this.exported(this.moduleFile(file, reexport.module), reexport.name ?? name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The project file an import names: a relative path, else a path alias (`@app/users/users.service`,
   * tsconfig `paths`): the one project file whose path ends with the specifier less its first segment or two.
   */
  private moduleFile(from: string, module: string): string | undefined {
    const relative = resolveModule(from, module, this.model.files);
    if (relative || module.startsWith('.')) return relative;
    const segments = module.split('/');
    for (const drop of [1, 2]) {
      const rest = segments.slice(drop);
      if (rest.length < 2) continue;
      const wanted = rest.join('/');
      const matches = [...(this.byTail.get(tailOf(wanted)) ?? []), ...(this.byTail.get(tailOf(`${wanted}/index`)) ?? [])].filter(
        (file) => stem(file).endsWith(`/${wanted}`) || stem(file).endsWith(`/${wanted}/index`),
      );
      if (matches.length === 1) return matches[0];
    }
    return undefined;
  }
}

function sameLocation(a: FunctionQuery, b: FunctionQuery): boolean {
  return (
    a.location.file === b.location.file &&
    a.location.range.start.line === b.location.range.start.line &&
    a.location.range.start.character === b.location.range.start.character
  );
}

function stem(file: string): string {
  return file.replace(/\\/g, '/').replace(/\.[cm]?[jt]sx?$/, '');
}

/** The last two segments of a path without its extension: `users/users.service`. */
function tailOf(path: string): string {
  return stem(path).split('/').slice(-2).join('/');
}
