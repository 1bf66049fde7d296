// What one query asks of a table's indexes, and whether they answer it. A query is judged whole: its
// equality columns, its range column and its sort, against every index of the table by leftmost prefix
// (PostgreSQL docs, "Multicolumn Indexes": a B-tree "is most efficient when there are constraints on the
// leading (leftmost) columns"; "Indexes and ORDER BY"). One selective indexed equality drives the query:
// the database reads the few rows it matches and tests the other conditions on them.
import { indexesForeignKeys } from '../../model/foreign-key-indexes';
import type { Field, IndexDecl, Location, ModelDecl } from '../../model/types';

/** What one query tests on one table. Fields are the model's; each column appears once per list. */
export interface QueryShape {
  model: ModelDecl;
  /** Tested with `=`, `IN`, or correlated with an outer query. */
  equal: Field[];
  /** Tested with `<`, `>`, `BETWEEN` or a prefix match. */
  range: Field[];
  /** Sorted on, in order; `defaultSort` when the sort is the model's default ordering, not the query's own. */
  sort: Field[];
  defaultSort?: boolean;
  /** The query reads a few rows (a slice, `first()`, `latest()`): only then does an index spare it reading the whole table to sort it. */
  limited?: boolean;
  /** Every column the query tests in any way (negated, null tests, transforms): a partial index's condition must be among them. */
  tested: Set<string>;
  /** Tests no plain index serves: `UPPER(col) = UPPER(%s)`, `UPPER(col) LIKE 'X%'`, a leading wildcard or a case-insensitive match. */
  unservable: { field: Field; kind: UnservableKind; written: string }[];
}

export type UnservableKind = 'upper' | 'upper-prefix' | 'wildcard';

/**
 * One query: its tables (the queried model first, then those it joins to test or sort them), once per OR
 * branch it has (`variants`; one when it has none). It is served when, in each variant, one table's tests
 * are served by an index: the database starts there and reaches the others by key.
 */
export interface TableQuery {
  variants: QueryShape[][];
  /** Some condition could not be read (a dynamic filter): it may be the one an index serves. */
  opaque?: boolean;
  /** The query as written, shortened, for messages. */
  text: string;
  location: Location;
}

/** A database column of the model: the field's column (a Django field is named in indexes by its name, others by either). */
const columnOf = (field: Field) => field.column;

/** The plain indexes a query on `shape` can use, as lists of database columns. */
function usableIndexes(shape: QueryShape): { columns: string[]; unique: boolean }[] {
  const { model } = shape;
  const column = (entry: string) =>
    (model.fields.find((f) => f.name === entry) ?? model.fields.find((f) => f.column === entry))?.column ?? entry;
  const usable = model.indexes.filter((index) => !index.special && index.fields.length > 0 && servesCondition(index, shape));
  const indexes = usable.map((index) => ({ columns: index.fields.map(column), unique: index.unique }));
  // The primary key's own index (Django's implicit `id` among them): it gives `order_by("pk")` and `-id`.
  const key = model.fields.find((field) => field.primaryKey)?.column ?? (model.stack === 'django' ? 'id' : undefined);
  if (key) indexes.push({ columns: [key], unique: true });
  // InnoDB indexes every foreign key column itself (unless the relation has no constraint).
  if ((model.databases ?? []).some((database) => indexesForeignKeys(database))) {
    for (const field of model.fields) {
      if (field.relation?.kind === 'many-to-one' && !field.relation.noConstraint) indexes.push({ columns: [field.column], unique: false });
    }
  }
  return indexes;
}

/** A partial index serves a query that also tests every column its condition tests. */
function servesCondition(index: IndexDecl, shape: QueryShape): boolean {
  if (index.condition === undefined) return true;
  const fields = index.conditionFields ?? [];
  return (
    fields.length > 0 &&
    fields.every((name) => shape.tested.has(name) || shape.model.fields.some((f) => f.name === name && shape.tested.has(f.column)))
  );
}

/**
 * Whether an equality on the column narrows the rows to a few: not a column of a few values (a boolean, an enum,
 * short choices), nor the content type of a generic relation (one value per model).
 */
export function selective(field: Field): boolean {
  if (field.primaryKey || field.unique) return true;
  if (field.lowCardinality) return false;
  const target = field.relation?.target ?? '';
  return !/(^|\.)ContentType$/.test(target);
}

/** How many leading columns of `index` are all in `columns`. */
function prefixIn(index: readonly string[], columns: ReadonlySet<string>): number {
  let k = 0;
  while (k < index.length && columns.has(index[k])) k++;
  return k;
}

/** Whether an index serves the shape: it selects the rows by equality, or reads them in range or sort order. */
export function served(shape: QueryShape): boolean {
  const equal = new Set(shape.equal.map(columnOf));
  if (shape.equal.some((field) => field.primaryKey)) return true;
  const indexes = usableIndexes(shape);
  const selectiveColumns = new Set(shape.equal.filter(selective).map(columnOf));
  for (const index of indexes) {
    const k = prefixIn(index.columns, equal);
    if (index.unique && k === index.columns.length) return true;
    if (index.columns.slice(0, k).some((column) => selectiveColumns.has(column))) return true;
  }
  if (selectiveColumns.size > 0) return false;
  const range = shape.range.map(columnOf);
  const sort = shape.sort.map(columnOf);
  return indexes.some((index) => {
    const k = prefixIn(index.columns, equal);
    if (range.length > 0) return range.includes(index.columns[k]);
    // An index that gives the leading sort column serves the sort: PostgreSQL (13 and later) sorts only the rows
    // that tie on it ("incremental sort"), as for `order_by("-created", "-id")` over an index on `created`.
    return sort.length > 0 && index.columns[k] === sort[0];
  });
}

/**
 * The one index that would serve the shape: its selective equality columns, then its range column or its sort;
 * without a selective equality, the range or sort leads and the other equality columns follow. Undefined when
 * no index would help (only low-selectivity tests, or nothing to select or sort by), or when the sort is only
 * the model's default ordering.
 */
export function suggestion(shape: QueryShape): Field[] | undefined {
  const unique = (fields: Field[]) => fields.filter((field, i) => fields.findIndex((f) => f.column === field.column) === i);
  const strong = shape.equal.filter(selective);
  const weak = shape.equal.filter((field) => !selective(field));
  // A model's default ordering alone is no reason to widen the index: the query did not ask for it.
  const ordered = shape.range.length > 0 ? shape.range.slice(0, 1) : shape.defaultSort ? [] : shape.sort;
  if (strong.length > 0) return unique([...strong, ...ordered]);
  // Sorted without a LIMIT, every row is read and returned whatever the indexes: PostgreSQL reads the table and
  // sorts it, which an index scan over the whole table would not beat.
  if (shape.range.length === 0 && (shape.sort.length === 0 || shape.defaultSort || !shape.limited)) return undefined;
  return unique([...ordered, ...weak]);
}

/** Whether a query is served: in every variant, some table's tests are, or no table has one an index would help. */
export function queryServed(query: TableQuery): boolean {
  if (query.opaque) return true;
  return query.variants.every((tables) => tables.some(served) || tables.every((shape) => suggestion(shape) === undefined));
}
