// The project model as plain JSON (its shape is in protocol/model-json.ts): what `stackscope model
// --format json` prints and what the explorer asks for.
import { relative } from 'node:path';
import type { JsonMiddlewareEntry, JsonPlace, JsonProjectModel } from '../protocol/model-json';
import { toPosix } from './paths';
import { countBySeverity } from './severity-counts';
import type { Finding, Location, MiddlewareEntry, ModelDecl, ProjectModel } from './types';

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
  const lineKey = (location: Location) => `${location.file}:${location.range.start.line}`;
  const findingsAt = (location: Location) => byLine.get(lineKey(location)) ?? [];
  /** The findings on a model's declaration, fields and indexes; a line once (`unique=True` declares a field and its index). */
  const modelFindings = (m: ModelDecl) => {
    const lines = new Map<string, Location>();
    for (const location of [
      m.location,
      ...m.fields.map((f) => f.location),
      ...m.indexes.flatMap((i) => (i.location ? [i.location] : [])),
    ]) {
      lines.set(lineKey(location), location);
    }
    const here = [...lines.values()].flatMap(findingsAt);
    return { findings: here.map((f) => f.message), findingCounts: countBySeverity(here) };
  };
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
      ...(entry.via
        ? { via: { call: entry.via.call, file: rel(entry.via.location.file), line: entry.via.location.range.start.line + 1 } }
        : {}),
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
        ...(m.app && m.stack === 'django' ? { app: m.app } : {}),
        ...place(m.location),
        table: m.table,
        fields: m.fields.map((f) => ({
          name: f.name,
          column: f.column,
          type: f.type,
          primaryKey: f.primaryKey,
          unique: f.unique,
          indexed: f.indexed,
          ...(f.relation
            ? {
                relation: {
                  kind: f.relation.kind,
                  target: f.relation.target,
                  ...(f.relation.through ? { through: f.relation.through } : {}),
                },
              }
            : {}),
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
        ...modelFindings(m),
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
    signalSources: model.signalSources
      .map((source) => ({ signal: source.signal, kind: source.kind, stack: source.stack, ...place(source.location) }))
      .sort(byPlace),
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
