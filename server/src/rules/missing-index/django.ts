// Django queries that no index serves, judged whole (query-shapes.ts): one finding per table and leading
// column of the index they need, on that field, with every query as a related place; and lookups no plain
// index serves, per column.
import { relative } from 'node:path';
import type { Field, ModelDecl, ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { filteredColumn } from './checks/filtered-column';
import { sortedColumn } from './checks/sorted-column';
import { unservableLookup } from './checks/unservable-lookup';
import { djangoQueries } from './django-queries';
import { indexNeeds, type IndexNeed, type UnservableNeed } from './index-needs';
import { indexPlan } from './index-plans';
import { listPlaces, relatedPlaces } from './places';
import type { UnservableKind } from './query-shapes';

const MAX_LISTED = 3;

/** The `missing-index/unservable-lookup` template naming the index that serves each kind of lookup. */
const SERVING_INDEX: Readonly<Record<UnservableKind, 'upperIndex' | 'upperPatternIndex' | 'trigramIndex'>> = {
  upper: 'upperIndex',
  'upper-prefix': 'upperPatternIndex',
  wildcard: 'trigramIndex',
};

export function checkDjangoIndexes(model: ProjectModel, report: Report): void {
  const { queries } = djangoQueries(model);
  const { indexes, unservable } = indexNeeds(queries);
  for (const need of indexes) reportIndex(model.root, need, report);
  for (const need of unservable) reportUnservable(model.root, need, report);
}

function reportIndex(root: string, { model, columns, queries }: IndexNeed, report: Report): void {
  const check = queries.some((query) => query.filters) ? filteredColumn : sortedColumn;
  const [first] = queries;
  const names = columns.map((field) => field.name);
  const quoted = names.map((name) => JSON.stringify(name)).join(', ');
  const lead = columns[0];
  const oneColumn = columns.length === 1 && !lead.relation && lead.argumentInsert !== undefined;
  report(check, lead.location, {
    message: 'message',
    data: {
      model: model.name,
      query: first.query.text,
      place: place(root, first.query.location),
      more: queries.length > 1 ? check.text('more', { count: queries.length - 1 }) : '',
      table: model.table,
      index: check.text('djangoIndex', { quoted, model: model.name }),
    },
    fixes: [
      indexPlan(check.text('metaIndexFix', { quoted, model: model.name }), model, names),
      ...(oneColumn ? [indexPlan(check.text('dbIndexFix', { model: model.name, field: lead.name }), model, names, 'field-option')] : []),
    ],
    related: relatedPlaces(
      queries.map((need) => ({ ...need, location: need.query.location })),
      (need) => {
        const data = { columns: columnList(columns), query: need.query.text };
        return need.filters ? filteredColumn.text('relatedFilter', data) : check.text('relatedSort', data);
      },
    ),
  });
}

function reportUnservable(root: string, { model, field, kind, queries }: UnservableNeed, report: Report): void {
  const usages = queries.map(({ query, written }) => ({ text: written, location: query.location }));
  report(unservableLookup, field.location, {
    message: 'message',
    data: {
      model: model.name,
      field: field.name,
      usages: listPlaces(root, usages, MAX_LISTED),
      served: unservableLookup.text(indexedPlainly(model, field) ? 'indexed' : 'unindexed'),
      needs: unservableLookup.text(SERVING_INDEX[kind]),
    },
    related: relatedPlaces(usages, (usage) => unservableLookup.text('related', { written: usage.text })),
  });
}

function indexedPlainly(model: ModelDecl, field: Field): boolean {
  return field.indexed || model.indexes.some((index) => !index.special && !index.condition && index.fields[0] === field.name);
}

const columnList = (columns: readonly Field[]) => columns.map((field) => field.name).join(', ');
const place = (root: string, location: { file: string; range: { start: { line: number } } }) =>
  `${relative(root, location.file)}:${location.range.start.line + 1}`;
