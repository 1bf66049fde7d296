// The conditions of a Django filtering call (`filter(a=1)`, `exclude(Q(b=2) | Q(c=3))`, `get(...)`): its keyword
// lookups and `Q()` objects combined with `&`, `|` and `~`, as terms that all hold and groups of alternatives.
// What cannot be read here (`**filters`, a `Q` held in a variable) makes the conditions opaque.
import type { Node } from 'web-tree-sitter';
import type { FilterConditions, FilterTerm } from '../../model/types';
import { callParts, lastSegment, namedChildren } from './syntax';

/** Calls whose keyword arguments are lookups. */
const FILTERING = new Set(['filter', 'exclude', 'get', 'get_or_create', 'update_or_create']);
/** Keywords of those calls that are not lookups. */
const NOT_LOOKUPS = new Set(['defaults', 'create_defaults']);
/** Positional conditions that test no column of the rows themselves: a subquery's existence. */
const SUBQUERY_CONDITIONS = new Set(['Exists']);

/** A filtering call's conditions, or undefined for any other method. */
export function readConditions(call: Node, method: string): FilterConditions | undefined {
  if (!FILTERING.has(method)) return undefined;
  const negated = method === 'exclude';
  const { positional, keywords } = callParts(call);
  const conditions: FilterConditions = { all: [], any: [] };
  for (const [lookup, value] of keywords) if (!NOT_LOOKUPS.has(lookup)) conditions.all.push(term(lookup, value, negated));
  for (const arg of positional) {
    const read = expression(arg, negated);
    if (!read) conditions.opaque = true;
    else merge(conditions, read);
  }
  return conditions;
}

/** A condition expression: `Q(...)`, `a & b`, `a | b`, `~a`, `(a)`; undefined when it cannot be read. */
function expression(node: Node, negated: boolean): FilterConditions | undefined {
  switch (node.type) {
    case 'parenthesized_expression': {
      const inner = namedChildren(node)[0];
      return inner ? expression(inner, negated) : undefined;
    }
    case 'unary_operator': {
      const operand = node.childForFieldName('argument');
      if (node.childForFieldName('operator')?.text !== '~' || !operand) return undefined;
      const inner = expression(operand, !negated);
      // NOT (a OR b) is NOT a AND NOT b: every term, negated, holds.
      return inner ? { all: [...inner.all, ...inner.any.flat(2)], any: [], ...(inner.opaque ? { opaque: true } : {}) } : undefined;
    }
    case 'binary_operator': {
      const operator = node.childForFieldName('operator')?.text;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (!left || !right || (operator !== '&' && operator !== '|')) return undefined;
      const [a, b] = [expression(left, negated), expression(right, negated)];
      if (!a || !b) return undefined;
      if (operator === '&' || negated) {
        // Negated terms serve no index; they are kept whole, for a partial index whose condition they match.
        const both: FilterConditions = { all: [], any: [] };
        merge(both, a);
        merge(both, b);
        return both;
      }
      if (a.opaque || b.opaque) return { all: [], any: [], opaque: true };
      return { all: [], any: [[...branches(a), ...branches(b)]] };
    }
    case 'call': {
      const { callee, positional, keywords } = callParts(node);
      const name = callee ? lastSegment(callee) : '';
      if (SUBQUERY_CONDITIONS.has(name)) return { all: [], any: [] };
      if (name !== 'Q') return undefined;
      const read: FilterConditions = { all: [...keywords].map(([lookup, value]) => term(lookup, value, negated)), any: [] };
      for (const arg of positional) {
        const inner = expression(arg, negated);
        if (!inner) read.opaque = true;
        else merge(read, inner);
      }
      return read;
    }
    default:
      return undefined;
  }
}

/** The branches of an OR side: one branch for plain conditions, or the branches of a single OR. */
function branches(side: FilterConditions): FilterTerm[][] {
  if (side.all.length === 0 && side.any.length === 1) return side.any[0];
  return [[...side.all, ...side.any.flat(2)]];
}

function merge(into: FilterConditions, from: FilterConditions): void {
  into.all.push(...from.all);
  into.any.push(...from.any);
  if (from.opaque) into.opaque = true;
}

function term(lookup: string, value: Node, negated: boolean): FilterTerm {
  const kind = valueKind(value);
  return { lookup, ...(negated ? { negated } : {}), ...(kind ? { value: kind } : {}) };
}

/** `OuterRef("pk")` correlates with the enclosing query; `F("x")` and arithmetic on it compare with the row's own columns. */
function valueKind(value: Node): FilterTerm['value'] {
  // `filter(x=None)` is `x IS NULL` (Django's exact lookup with None), not an equality.
  if (value.type === 'none') return 'null';
  if (value.type === 'call') {
    const callee = callParts(value).callee;
    const name = callee ? lastSegment(callee) : '';
    if (name === 'OuterRef') return 'outer-ref';
    if (name === 'F') return 'expression';
    return undefined;
  }
  if (value.type === 'binary_operator') {
    const sides = [value.childForFieldName('left'), value.childForFieldName('right')];
    return sides.some((side) => side && valueKind(side) === 'expression') ? 'expression' : undefined;
  }
  return undefined;
}
