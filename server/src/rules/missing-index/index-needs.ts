// From whole queries to the indexes they lack: one composite index per query that no index serves, then one
// suggestion per table and leading column, merging those that share a prefix; and the lookups no plain index
// serves, per column.
import type { Field, ModelDecl } from '../../model/types';
import { served, suggestion, type QueryShape, type TableQuery, type UnservableKind } from './query-shapes';

/** A query that needs an index, with what it tests on the table the index is for. */
export interface NeedingQuery {
  query: TableQuery;
  /** It filters on the table (an equality or a range), not only sorts it. */
  filters: boolean;
}

/** An index some queries need: its columns in order, and the queries. */
export interface IndexNeed {
  model: ModelDecl;
  columns: Field[];
  queries: NeedingQuery[];
}

/** Lookups on one column that no plain index serves, and the queries that make them. */
export interface UnservableNeed {
  model: ModelDecl;
  field: Field;
  kind: UnservableKind;
  queries: { query: TableQuery; written: string }[];
}

export function indexNeeds(queries: readonly TableQuery[]): { indexes: IndexNeed[]; unservable: UnservableNeed[] } {
  const wanted: { model: ModelDecl; columns: Field[]; need: NeedingQuery }[] = [];
  const unservable = new Map<string, UnservableNeed>();
  for (const query of queries) {
    if (query.opaque) continue;
    const seen = new Set<string>();
    for (const tables of query.variants) {
      // One table served by an index drives the query: the others are reached by key.
      if (tables.some(served)) continue;
      const shape = tables.find((table) => suggestion(table) !== undefined);
      const columns = shape && suggestion(shape);
      if (shape && columns) {
        const key = `${shape.model.name}:${columns.map((c) => c.column).join(',')}`;
        if (!seen.has(key))
          wanted.push({ model: shape.model, columns, need: { query, filters: shape.equal.length + shape.range.length > 0 } });
        seen.add(key);
      }
      for (const table of tables) for (const test of table.unservable) addUnservable(unservable, table, test, query);
    }
  }
  return { indexes: merged(wanted), unservable: [...unservable.values()] };
}

function addUnservable(
  needs: Map<string, UnservableNeed>,
  table: QueryShape,
  test: QueryShape['unservable'][number],
  query: TableQuery,
): void {
  // An index on UPPER(col), or a trigram index, serves these lookups.
  const servedBy = test.kind === 'wildcard' ? ['trigram'] : ['upper', 'trigram'];
  if (table.model.indexes.some((index) => index.special && servedBy.includes(index.special) && index.fields[0] === test.field.name)) return;
  if (table.model.indexes.some((index) => index.special && servedBy.includes(index.special) && index.fields[0] === test.field.column))
    return;
  const key = `${table.model.name}:${table.model.location.file}:${test.field.column}:${test.kind}`;
  const need = needs.get(key) ?? { model: table.model, field: test.field, kind: test.kind, queries: [] };
  if (!need.queries.some((q) => q.query === query)) need.queries.push({ query, written: test.written });
  needs.set(key, need);
}

/**
 * One suggestion per table and leading column: a suggestion that is a prefix of a longer one is served by it;
 * of those that diverge after the leading column, the one most queries need is made (its leading column
 * serves the others in part).
 */
function merged(wanted: readonly { model: ModelDecl; columns: Field[]; need: NeedingQuery }[]): IndexNeed[] {
  const groups = new Map<string, { model: ModelDecl; options: { columns: Field[]; queries: NeedingQuery[] }[] }>();
  for (const { model, columns, need } of wanted) {
    const key = `${model.name}:${model.location.file}:${columns[0].column}`;
    const group = groups.get(key) ?? { model, options: [] };
    const same = group.options.find((option) => sameColumns(option.columns, columns));
    if (same) same.queries.push(need);
    else group.options.push({ columns, queries: [need] });
    groups.set(key, group);
  }
  return [...groups.values()].map(({ model, options }) => {
    const covering = (option: { columns: Field[] }) => options.filter((other) => isPrefix(other.columns, option.columns));
    const best = [...options].sort(
      (a, b) => queriesOf(covering(b)).length - queriesOf(covering(a)).length || b.columns.length - a.columns.length,
    )[0];
    const first = covering(best);
    const rest = options.filter((option) => !first.includes(option));
    return { model, columns: best.columns, queries: [...queriesOf(first), ...queriesOf(rest)] };
  });
}

const queriesOf = (options: readonly { queries: NeedingQuery[] }[]) => options.flatMap((option) => option.queries);
const sameColumns = (a: readonly Field[], b: readonly Field[]) =>
  a.length === b.length && a.every((field, i) => field.column === b[i].column);
const isPrefix = (prefix: readonly Field[], of: readonly Field[]) =>
  prefix.length <= of.length && prefix.every((field, i) => field.column === of[i].column);
