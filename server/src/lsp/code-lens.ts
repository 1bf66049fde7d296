// The line above each model: how many places query it, how many findings a rule that counts on fields
// (missing-index: unindexed filters) has on its fields, and how many hooks or receivers listen to it. Clicking lists those places in a
// peek view (the client's SHOW_PLACES_COMMAND), as a references code lens does.
import type { CodeLens, Location as LspLocation } from 'vscode-languageserver';
import type { Finding, Location, ModelDecl, ProjectModel } from '../model/types';
import { RULES } from '../rules';
import { SHOW_PLACES_COMMAND } from '../protocol/messages';
import { fileUri } from './uri';

export interface ModelSummary {
  model: ModelDecl;
  queries: number;
  unindexed: number;
  hooks: number;
  /** The query sites, the unindexed fields and the hooks, in that order. */
  places: Location[];
}

export function modelSummaries(model: ProjectModel, findings: readonly Finding[], file: string): ModelSummary[] {
  return model.models
    .filter((m) => m.location.file === file && !m.abstract)
    .map((m) => {
      const queryPlaces = new Map<string, Location>();
      const at = (location: Location) => queryPlaces.set(`${location.file}:${location.range.start.line}`, location);
      for (const site of model.queries) if (site.stack === m.stack && site.model === m.name) at(site.location);
      for (const usage of model.columnUsages) if (usage.stack === m.stack && usage.model === m.name) at(usage.location);
      for (const query of model.perRowQueries) if (query.stack === m.stack && query.model === m.name) at(query.location);
      const fieldLines = new Set(m.fields.map((f) => `${f.location.file}:${f.location.range.start.line}`));
      const unindexed = findings.filter((f) => f.rule === LENS_RULE?.id && fieldLines.has(`${f.file}:${f.range.start.line}`));
      const hooks = model.signals.filter(
        (s) => s.sender !== undefined && (s.sender === m.name || s.sender.endsWith(`.${m.name}`) || s.sender === `"${m.app}.${m.name}"`),
      );
      const places = [
        ...queryPlaces.values(),
        ...unindexed.map((f) => ({ file: f.file, range: f.range })),
        ...hooks.map((h) => h.location),
      ];
      return { model: m, queries: queryPlaces.size, unindexed: unindexed.length, hooks: hooks.length, places };
    });
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The rule whose findings on a model's fields the lens counts, and how it names them. */
const LENS_RULE = RULES.find((rule) => rule.lens);

export function codeLenses(summaries: readonly ModelSummary[]): CodeLens[] {
  return summaries.map(({ model, queries, unindexed, hooks, places }) => ({
    range: model.location.range,
    command: {
      title: [
        count(queries, 'query', 'queries'),
        ...(LENS_RULE?.lens ? [count(unindexed, LENS_RULE.lens.one, LENS_RULE.lens.many)] : []),
        count(hooks, 'hook', 'hooks'),
      ].join(' · '),
      command: SHOW_PLACES_COMMAND,
      arguments: [
        fileUri(model.location.file),
        model.location.range.start,
        places.map((place): LspLocation => ({ uri: fileUri(place.file), range: place.range })),
      ],
    },
  }));
}
