// The columns a SQL fragment of a TypeORM QueryBuilder names: `.where('u.email = :email')`,
// `.orderBy('u.createdAt', 'DESC')`. The fragment is completed into a whole statement and read by a
// real SQL parser; a fragment it cannot read (a dialect's quoting, a half-typed string) yields nothing.
import { Parser } from 'node-sql-parser/build/postgresql';

export interface ColumnRef {
  /** The alias before the dot, when the fragment qualifies the column. */
  alias?: string;
  column: string;
}

let parser: Parser | undefined;

/**
 * Operators a plain B-tree index cannot serve: case-insensitive matching, JSON and array operators (they want GIN or expression indexes).
 */
const NOT_BTREE = new Set(['ILIKE', 'NOT ILIKE', '->', '->>', '#>', '#>>', '@>', '<@', '&&', '?', '?|', '?&', '@@', '~*', '!~*']);

/**
 * Columns compared or tested by a WHERE/ON fragment. A column inside a function call (`lower(u.email)`)
 * or under an operator a plain index cannot serve (`u.name ILIKE :q`, `u.data ->> 'k'`) is left out.
 */
export function predicateColumns(fragment: string, wildcards: ReadonlySet<string> = new Set()): ColumnRef[] {
  // `LIKE :q` with `q: `%${term}%``: a leading wildcard, which no B-tree serves; the parameter becomes the pattern.
  const patterned = wildcards.size
    ? fragment.replace(/(?<!:):([A-Za-z0-9_]+)/g, (whole, name: string) => (wildcards.has(name) ? "'%x'" : whole))
    : fragment;
  const statement = parse(`SELECT * FROM t WHERE ${withPlaceholders(patterned)}`);
  return statement ? columnsOf(statement.where) : [];
}

/** Columns an ORDER BY fragment sorts on (`u.createdAt`, `u.createdAt DESC, u.id`). */
export function orderColumns(fragment: string): ColumnRef[] {
  const statement = parse(`SELECT * FROM t ORDER BY ${withPlaceholders(fragment)}`);
  return statement ? columnsOf(statement.orderby) : [];
}

/**
 * Whether a WHERE fragment matches a whole set of keys at once: `u.id IN (:...ids)` (TypeORM spreads the
 * array into the list) or `u.id = ANY(:ids)` (Postgres takes the array itself).
 */
export function setPredicate(fragment: string): boolean {
  const statement = parse(`SELECT * FROM t WHERE ${withPlaceholders(fragment)}`);
  return statement ? matchesSet(statement.where) : false;
}

/**
 * TypeORM's parameters, `:name` and `:...names`, as the parser's `:p` (a spread one as `:set`). TypeORM
 * finds them with the pattern below (escapeQueryWithParameters in each driver); a `::type` cast is not one.
 */
function withPlaceholders(fragment: string): string {
  return fragment.replace(/(?<!:):(\.\.\.)?[A-Za-z0-9_.]+/g, (_, spread: string | undefined) => (spread ? ':set' : ':p'));
}

type Statement = { where?: unknown; orderby?: unknown };

/**
 * Parsed fragments by text: a builder's predicate is read for its columns and for whether it is
 * set-based, and again on every re-analysis of its file. Bounded, since fragments are user text.
 */
const parsed = new Map<string, Statement | undefined>();
const PARSED_LIMIT = 2_000;

function parse(sql: string): Statement | undefined {
  if (parsed.has(sql)) return parsed.get(sql);
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  const statement = parseOnce(sql);
  parsed.set(sql, statement);
  return statement;
}

function parseOnce(sql: string): Statement | undefined {
  try {
    parser ??= new Parser();
    const ast = parser.astify(sql);
    // `x = 1; DROP ...` is two statements: not a fragment of one.
    const statement = Array.isArray(ast) ? (ast.length === 1 ? ast[0] : undefined) : ast;
    return statement?.type === 'select' ? (statement as Statement) : undefined;
  } catch {
    return undefined;
  }
}

function columnsOf(node: unknown, found: ColumnRef[] = []): ColumnRef[] {
  if (Array.isArray(node)) {
    for (const item of node) columnsOf(item, found);
    return found;
  }
  if (!node || typeof node !== 'object') return found;
  const record = node as Record<string, unknown>;
  // Subqueries name their own tables; function arguments cannot use a plain index.
  if (record.type === 'select' || 'ast' in record || record.type === 'function' || record.type === 'aggr_func') return found;
  if (record.type === 'binary_expr' && typeof record.operator === 'string' && NOT_BTREE.has(record.operator.toUpperCase())) return found;
  if (record.type === 'binary_expr' && /LIKE$/i.test(String(record.operator)) && leadingWildcard(record.right)) return found;
  if (record.type === 'column_ref') {
    // `a.b.c` is schema.table.column: an embedded or relation path, not one alias's column.
    const column = columnName(record.column);
    if (column && !record.schema && column !== '*')
      found.push(typeof record.table === 'string' ? { alias: record.table, column } : { column });
    return found;
  }
  for (const value of Object.values(record)) columnsOf(value, found);
  return found;
}

function matchesSet(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(matchesSet);
  if (!node || typeof node !== 'object') return false;
  const record = node as Record<string, unknown>;
  if (record.type === 'select' || 'ast' in record) return false;
  if (record.type === 'binary_expr' && record.operator === 'IN' && paramsOf(record.right).includes('set')) return true;
  if (record.type === 'function' && functionName(record.name) === 'ANY' && paramsOf(record.args).length > 0) return true;
  return Object.values(record).some(matchesSet);
}

/** The parameters of an expression list: `(:p, :set)` → `['p', 'set']`. */
function paramsOf(list: unknown): unknown[] {
  const items = (list as { value?: unknown } | undefined)?.value;
  return Array.isArray(items) ? items.filter((item) => item?.type === 'param').map((item) => item.value) : [];
}

function functionName(name: unknown): string | undefined {
  const parts = (name as { name?: { value?: unknown }[] } | undefined)?.name;
  return Array.isArray(parts) && typeof parts[0]?.value === 'string' ? parts[0].value.toUpperCase() : undefined;
}

function columnName(column: unknown): string | undefined {
  if (typeof column === 'string') return column;
  const expr = column && typeof column === 'object' ? (column as { expr?: { value?: unknown } }).expr : undefined;
  return typeof expr?.value === 'string' ? expr.value : undefined;
}

/** A pattern literal that starts with a wildcard: `'%x'`. */
function leadingWildcard(node: unknown): boolean {
  const value = (node as { value?: unknown } | undefined)?.value;
  return typeof value === 'string' && (value.startsWith('%') || value.startsWith('_'));
}
