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

/** Operators a plain B-tree index cannot serve: case-insensitive matching, JSON and array operators (they want GIN or expression indexes). */
const NOT_BTREE = new Set(['ILIKE', 'NOT ILIKE', '->', '->>', '#>', '#>>', '@>', '<@', '&&', '?', '?|', '?&', '@@', '~*', '!~*']);

/**
 * Columns compared or tested by a WHERE/ON fragment. A column inside a function call (`lower(u.email)`)
 * or under an operator a plain index cannot serve (`u.name ILIKE :q`, `u.data ->> 'k'`) is left out.
 */
export function predicateColumns(fragment: string): ColumnRef[] {
  const statement = parse(`SELECT * FROM t WHERE ${withPlaceholders(fragment)}`);
  return statement ? columnsOf(statement.where) : [];
}

/** Columns an ORDER BY fragment sorts on (`u.createdAt`, `u.createdAt DESC, u.id`). */
export function orderColumns(fragment: string): ColumnRef[] {
  const statement = parse(`SELECT * FROM t ORDER BY ${withPlaceholders(fragment)}`);
  return statement ? columnsOf(statement.orderby) : [];
}

/**
 * TypeORM's parameters, `:name` and `:...names`, as the parser's `:p`. TypeORM finds them with the
 * pattern below (escapeQueryWithParameters in each driver); a `::type` cast is not one.
 */
function withPlaceholders(fragment: string): string {
  return fragment.replace(/(?<!:):(\.\.\.)?[A-Za-z0-9_.]+/g, ':p');
}

type Statement = { where?: unknown; orderby?: unknown };

function parse(sql: string): Statement | undefined {
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
  if (record.type === 'column_ref') {
    // `a.b.c` is schema.table.column: an embedded or relation path, not one alias's column.
    const column = columnName(record.column);
    if (column && !record.schema && column !== '*') found.push(typeof record.table === 'string' ? { alias: record.table, column } : { column });
    return found;
  }
  for (const value of Object.values(record)) columnsOf(value, found);
  return found;
}

function columnName(column: unknown): string | undefined {
  if (typeof column === 'string') return column;
  const expr = column && typeof column === 'object' ? (column as { expr?: { value?: unknown } }).expr : undefined;
  return typeof expr?.value === 'string' ? expr.value : undefined;
}
