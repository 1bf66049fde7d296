// The line above each model: how many places query it, how many of its fields are filtered or sorted
// without an index, and how many hooks or receivers listen to it. Clicking opens the Problems panel.
import type { CodeLens } from 'vscode-languageserver';
import type { Finding, ModelDecl, ProjectModel } from '../model/types';

export interface ModelSummary {
  model: ModelDecl;
  queries: number;
  unindexed: number;
  hooks: number;
}

export function modelSummaries(model: ProjectModel, findings: readonly Finding[], file: string): ModelSummary[] {
  return model.models
    .filter((m) => m.location.file === file && !m.abstract)
    .map((m) => {
      const queryPlaces = new Set<string>();
      const at = (location: { file: string; range: { start: { line: number } } }) => `${location.file}:${location.range.start.line}`;
      for (const site of model.queries) if (site.stack === m.stack && site.model === m.name) queryPlaces.add(at(site.location));
      for (const usage of model.columnUsages) if (usage.stack === m.stack && usage.model === m.name) queryPlaces.add(at(usage.location));
      for (const query of model.perRowQueries) if (query.stack === m.stack && query.model === m.name) queryPlaces.add(at(query.location));
      const fieldLines = new Set(m.fields.map((f) => `${f.location.file}:${f.location.range.start.line}`));
      const unindexed = findings.filter((f) => f.rule === 'missing-index' && fieldLines.has(`${f.file}:${f.range.start.line}`)).length;
      const hooks = model.signals.filter((s) => s.sender !== undefined && (s.sender === m.name || s.sender.endsWith(`.${m.name}`) || s.sender === `"${m.app}.${m.name}"`)).length;
      return { model: m, queries: queryPlaces.size, unindexed, hooks };
    });
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function codeLenses(summaries: readonly ModelSummary[]): CodeLens[] {
  return summaries.map(({ model, queries, unindexed, hooks }) => ({
    range: model.location.range,
    command: {
      title: `${count(queries, 'query', 'queries')} · ${count(unindexed, 'unindexed filter', 'unindexed filters')} · ${count(hooks, 'hook', 'hooks')}`,
      command: 'workbench.actions.view.problems',
    },
  }));
}
