// The project model as plain JSON: the shape of `stackscope model --format json` and of the
// explorer's `stackscope/model` request. It is a public contract: keys may be added, never renamed.
import { relative } from 'node:path';
import { toPosix } from '../workspace/files';
import type { Finding, Location, MiddlewareEntry, ProjectModel } from './types';

export interface JsonPlace {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface JsonModel extends JsonPlace {
  name: string;
  stack: string;
  table: string;
  fields: {
    name: string;
    column: string;
    type: string;
    primaryKey: boolean;
    unique: boolean;
    indexed: boolean;
    relation?: { kind: string; target: string; through?: string };
    line: number;
    /** Set when the field is declared in another file than the model (an abstract base). */
    file?: string;
  }[];
  indexes: { fields: string[]; unique: boolean; source: string; line?: number; file?: string }[];
}

export interface JsonSignal extends JsonPlace {
  signal: string;
  sender: string | null;
  handler: string;
  stack: string;
  connected: boolean;
}

export interface JsonMiddlewareEntry extends JsonPlace {
  name: string;
  role?: string;
  /** Fastify: the encapsulation context the entry is registered in (`app › routes`); absent for the app's own. */
  context?: string;
  /** Fastify: the context this plugin opens; the entries with that `context` are registered inside it. */
  opens?: string;
  /** Fastify: the hook of a `hook` entry (`onRequest`, `preHandler`, ...). */
  hook?: string;
  /** NestJS: `global` (app.use), `module` (consumer.apply), `guard`, `interceptor`, `pipe` or `filter`. */
  stage?: string;
  /** NestJS: the module that applies or provides it. */
  module?: string;
  /** What the entry reads from the request that a middleware before it must set (`session`, `user`). */
  reads?: string[];
  /** NestJS: the controller (`UsersController`) or handler (`UsersController.me`) a guard, interceptor, pipe or filter is bound to with @UseGuards (@UseInterceptors, @UsePipes, @UseFilters). */
  scope?: string;
  /** NestJS: the routes a module middleware is applied to, short, as written in `forRoutes(...)` / `exclude(...)` (`UsersController`, `GET users except users/me`). */
  routes?: string;
  /** Express: the call in the chain's own file that handed the app to the function registering this entry. */
  via?: JsonVia;
  /** Express: a mounted router's own entries, in order (`app.use('/posts', postsRouter)`). */
  mounted?: JsonMiddlewareEntry[];
  /** Messages of findings that point at this entry. */
  findings: string[];
  /** The most severe of those findings, when there are any: the view marks an info apart from an error. */
  worst?: Finding['severity'];
}

/** `setupSession(app)` and where it is called. */
export interface JsonVia {
  call: string;
  file: string;
  /** 1-based. */
  line: number;
}

export interface JsonChain {
  app: string;
  stack: string;
  file: string;
  line: number;
  chain: JsonMiddlewareEntry[];
}

export interface JsonSignalSource extends JsonPlace {
  signal: string;
  kind: 'definition' | 'send';
  stack: string;
}

export interface JsonProjectModel {
  models: JsonModel[];
  signals: JsonSignal[];
  /** Where each signal is defined (project signals) and sent. */
  signalSources: JsonSignalSource[];
  middleware: JsonChain[];
}

const SEVERITY_ORDER: readonly Finding['severity'][] = ['error', 'warning', 'info', 'hint'];

export function serializeModel(model: ProjectModel, findings: readonly Finding[] = []): JsonProjectModel {
  const rel = (file: string) => toPosix(relative(model.root, file));
  const place = (location: Location): JsonPlace => ({
    file: rel(location.file),
    line: location.range.start.line + 1,
    column: location.range.start.character + 1,
  });
  // Every entry asks for the findings on its line: group them once.
  const byLine = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.file}:${f.range.start.line}`;
    const here = byLine.get(key);
    if (here) here.push(f);
    else byLine.set(key, [f]);
  }
  const findingsAt = (location: Location) => byLine.get(`${location.file}:${location.range.start.line}`) ?? [];
  const worstOf = (here: readonly Finding[]) => SEVERITY_ORDER.find((severity) => here.some((f) => f.severity === severity));
  const byPlace = (a: JsonPlace, b: JsonPlace) => a.file.localeCompare(b.file) || a.line - b.line;
  const entryOf = (entry: MiddlewareEntry): JsonMiddlewareEntry => {
    const here = findingsAt(entry.location);
    const worst = worstOf(here);
    return {
      name: entry.name,
      ...(entry.role ? { role: entry.role } : {}),
      ...(entry.context !== undefined ? { context: entry.context } : {}),
      ...(entry.opens !== undefined ? { opens: entry.opens } : {}),
      ...(entry.hook ? { hook: entry.hook } : {}),
      ...(entry.stage ? { stage: entry.stage } : {}),
      ...(entry.module ? { module: entry.module } : {}),
      ...(entry.reads?.length ? { reads: entry.reads } : {}),
      ...(entry.scope ? { scope: entry.scope } : {}),
      ...(entry.routes ? { routes: entry.routes } : {}),
      ...(entry.via ? { via: { call: entry.via.call, file: rel(entry.via.location.file), line: entry.via.location.range.start.line + 1 } } : {}),
      ...(entry.mounted?.length ? { mounted: entry.mounted.map(entryOf) } : {}),
      ...place(entry.location),
      findings: here.map((f) => f.message),
      ...(worst ? { worst } : {}),
    };
  };

  return {
    models: model.models
      .filter((m) => !m.abstract)
      .map((m) => ({
        name: m.name,
        stack: m.stack,
        ...place(m.location),
        table: m.table,
        fields: m.fields.map((f) => ({
          name: f.name,
          column: f.column,
          type: f.type,
          primaryKey: f.primaryKey,
          unique: f.unique,
          indexed: f.indexed,
          ...(f.relation ? { relation: { kind: f.relation.kind, target: f.relation.target, ...(f.relation.through ? { through: f.relation.through } : {}) } } : {}),
          line: f.location.range.start.line + 1,
          // A field inherited from an abstract base in another module.
          ...(f.location.file !== m.location.file ? { file: rel(f.location.file) } : {}),
        })),
        indexes: m.indexes.map((i) => ({
          fields: i.fields,
          unique: i.unique,
          source: i.source,
          ...(i.location ? { line: i.location.range.start.line + 1 } : {}),
          ...(i.location && i.location.file !== m.location.file ? { file: rel(i.location.file) } : {}),
        })),
      }))
      .sort(byPlace),
    signals: model.signals
      .map((s) => ({
        signal: s.signal,
        sender: s.sender ?? null,
        handler: s.handler,
        stack: s.stack,
        connected: s.connected !== false,
        ...place(s.location),
      }))
      .sort(byPlace),
    signalSources: model.signalSources.map((source) => ({ signal: source.signal, kind: source.kind, stack: source.stack, ...place(source.location) })).sort(byPlace),
    middleware: model.middleware
      .map((chain) => ({
        app: chain.app,
        stack: chain.stack,
        file: rel(chain.file),
        line: chain.location.range.start.line + 1,
        chain: chain.entries.map(entryOf),
      }))
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
  };
}
