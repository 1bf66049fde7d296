// Django query chains (`Book.objects.filter(...).select_related("author")`), the variables that
// hold them inside one function, and the loops and comprehensions that iterate them.
import type { Node } from 'web-tree-sitter';
import type { DeferredLoop, QueryCall, QueryHandoff, QueryLoop, QuerySite, TemplateRender } from '../../model/types';
import { readRender } from './renders';
import { rowAccesses } from './row-accesses';
import { callParts, descendants, lastSegment, locationOf, namedChildren, stringValue } from './syntax';

/**
 * Methods whose result is not a queryset of rows: one object, a number, a write. Any other method,
 * Django's or a custom manager's or queryset's (`Book.objects.published()`), keeps yielding rows.
 */
const NOT_ROWS = new Set([
  'get', 'first', 'last', 'latest', 'earliest', 'count', 'exists', 'aggregate', 'create', 'get_or_create',
  'update_or_create', 'update', 'delete', 'in_bulk', 'explain', 'contains', 'bulk_create', 'bulk_update',
  'get_queryset_descriptor', 'as_manager',
]);

/** Reads a query chain; `scope` maps variable names to the querysets they hold. */
export function readQueryChain(
  node: Node,
  file: string,
  scope: ReadonlyMap<string, QuerySite> = new Map(),
  /** Names a root expression that holds a queryset in `scope` (`super().get_queryset()`). */
  rootName?: (root: Node) => string | undefined,
): QuerySite | undefined {
  const calls: QueryCall[] = [];
  // `Book.objects.order_by("-id")[:20]`: a slice still yields rows; the chain is extended before it.
  let chainEnd: Node = node;
  while (chainEnd.type === 'subscript' && chainEnd.childForFieldName('subscript')?.type === 'slice') chainEnd = chainEnd.childForFieldName('value') ?? chainEnd;
  let current: Node | null = chainEnd;
  while (current?.type === 'call') {
    const named = rootName?.(current);
    if (named) {
      const held = scope.get(named);
      return held ? { ...held, calls: [...held.calls, ...calls], location: locationOf(file, node), extendAt: locationOf(file, chainEnd).range.end } : undefined;
    }
    const fn = current.childForFieldName('function');
    if (fn?.type !== 'attribute') return undefined;
    calls.unshift(readCall(current, fn.childForFieldName('attribute')?.text ?? '', file));
    current = fn.childForFieldName('object');
  }
  if (!current) return undefined;
  const location = locationOf(file, node);
  const extendAt = locationOf(file, chainEnd).range.end;
  if (current.type === 'identifier') {
    const held = scope.get(current.text);
    if (!held || calls.length === 0) return undefined;
    return { ...held, calls: [...held.calls, ...calls], location, extendAt };
  }
  if (current.type !== 'attribute') return undefined;
  const model = current.childForFieldName('object');
  const manager = current.childForFieldName('attribute');
  // `Book.objects`: a class (capitalised by convention) and its manager.
  if (model?.type !== 'identifier' || !manager || !/^[A-Z]/.test(model.text) || !/^[a-z_]/.test(manager.text) || calls.length === 0) return undefined;
  return { model: model.text, manager: manager.text, stack: 'django', calls, location, extendAt };
}

function readCall(call: Node, method: string, file: string): QueryCall {
  const { positional, keywords } = callParts(call);
  const args = positional.flatMap((arg) => {
    const text = stringValue(arg);
    // `fetch_mode(models.FETCH_PEERS)`: the mode's name is what matters.
    if (text === undefined && method === 'fetch_mode') return [lastSegment(arg.text)];
    return text === undefined ? [] : [text];
  });
  const prefetches = positional.flatMap((arg) => readPrefetch(arg));
  return { method, args, keywords: [...keywords.keys()], ...(prefetches.length ? { prefetches } : {}), location: locationOf(file, call) };
}

/** `Prefetch("books", queryset=Book.objects.only("title"))`. */
function readPrefetch(arg: Node): { path: string; only?: string[] }[] {
  if (arg.type !== 'call') return [];
  const { callee, positional, keywords } = callParts(arg);
  if (!callee || lastSegment(callee) !== 'Prefetch') return [];
  const path = positional[0] ? stringValue(positional[0]) : undefined;
  if (!path) return [];
  const inner = keywords.get('queryset');
  const onlyCall = inner ? readQueryChain(inner, '')?.calls.find((c) => c.method === 'only') : undefined;
  return [{ path, ...(onlyCall ? { only: onlyCall.args } : {}) }];
}

/** Whether a chain still yields model instances (and not one object, a number or dicts). */
export function yieldsRows(site: QuerySite): boolean {
  return site.calls.every((call) => !NOT_ROWS.has(call.method));
}

/** Every query chain of the file, outermost calls only. */
export function readQueries(root: Node, file: string): QuerySite[] {
  const sites: QuerySite[] = [];
  for (const node of descendants(root)) {
    if (node.type !== 'call') continue;
    const parent = node.parent;
    // The inner `Book.objects.filter(...)` of `Book.objects.filter(...).order_by(...)` is part of the outer chain.
    if (parent?.type === 'attribute' && parent.parent?.type === 'call') continue;
    const site = readQueryChain(node, file);
    if (site) sites.push(site);
  }
  return sites;
}

export interface FlowFacts {
  loops: QueryLoop[];
  renders: TemplateRender[];
  deferred: DeferredLoop[];
  handoffs: QueryHandoff[];
}

/**
 * Loops over querysets, and templates rendered with querysets, in every function (and at module
 * level), following the variables that hold the querysets.
 */
export function readQueryFlow(root: Node, file: string): FlowFacts {
  const out: FlowFacts = { loops: [], renders: [], deferred: [], handoffs: [] };
  walkBlock(root, file, { queries: new Map(), dicts: new Map(), parameters: [] }, out);
  for (const fn of descendants(root)) {
    if (fn.type !== 'function_definition') continue;
    const body = fn.childForFieldName('body');
    const name = fn.childForFieldName('name')?.text;
    if (body && name) walkBlock(body, file, { queries: new Map(), dicts: new Map(), function: name, parameters: parameterNames(fn) }, out);
  }
  return out;
}

interface FlowScope {
  queries: Map<string, QuerySite>;
  /** `context = {...}` dictionaries, for `render(request, name, context)`. */
  dicts: Map<string, Node>;
  /** The function being read, and its parameters in order (without self/cls). */
  function?: string;
  parameters: string[];
}

function parameterNames(fn: Node): string[] {
  const params = fn.childForFieldName('parameters');
  const names = (params ? namedChildren(params) : []).flatMap((param) => {
    const name = param.type === 'identifier' ? param : param.childForFieldName('name') ?? param.namedChildren[0];
    return name?.type === 'identifier' ? [name.text] : [];
  });
  return names[0] === 'self' || names[0] === 'cls' ? names.slice(1) : names;
}

const COMPOUND = new Set([
  'if_statement', 'elif_clause', 'else_clause', 'for_statement', 'while_statement', 'with_statement', 'try_statement',
  'except_clause', 'finally_clause', 'block',
]);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

/** Statements in order, so that a variable holds the queryset assigned last before the loop. */
function walkBlock(block: Node, file: string, scope: FlowScope, out: FlowFacts): void {
  for (const statement of namedChildren(block)) {
    if (statement.type === 'function_definition' || statement.type === 'class_definition' || statement.type === 'decorated_definition') continue;
    if (COMPOUND.has(statement.type)) {
      if (statement.type === 'for_statement') {
        readLoop(statement, statement.childForFieldName('right'), statement.childForFieldName('left'), statement.childForFieldName('body'), file, scope, out);
      }
      walkBlock(statement, file, scope, out);
      continue;
    }
    const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    const target = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
    const value = assignment?.childForFieldName('right');
    if (target?.type === 'identifier' && value) {
      const site = readQueryChain(value, file, scope.queries);
      if (site) scope.queries.set(target.text, site);
      else scope.queries.delete(target.text);
      if (value.type === 'dictionary') scope.dicts.set(target.text, value);
      else scope.dicts.delete(target.text);
    }
    if (statement.type === 'return_statement' && scope.function) {
      const returned = statement.namedChildren[0];
      const query = returned ? iterated(returned, file, scope.queries) : undefined;
      if (query) out.handoffs.push({ kind: 'returns', function: scope.function, query });
    }
    for (const node of descendants(statement)) {
      if (COMPREHENSIONS.has(node.type)) {
        const clause = namedChildren(node).find((child) => child.type === 'for_in_clause');
        const body = node.childForFieldName('body') ?? namedChildren(node)[0];
        if (clause) readLoop(node, clause.childForFieldName('right'), clause.childForFieldName('left'), body, file, scope, out);
      } else if (node.type === 'call') {
        const render = readRender(node, file, scope.queries, scope.dicts);
        if (render) out.renders.push(render);
        out.handoffs.push(...passedQueries(node, file, scope.queries));
      }
    }
  }
}

function iterated(node: Node | null, file: string, scope: ReadonlyMap<string, QuerySite>): QuerySite | undefined {
  if (!node) return undefined;
  const site = node.type === 'identifier' ? scope.get(node.text) : readQueryChain(node, file, scope);
  return site && yieldsRows(site) ? site : undefined;
}

/**
 * A `for` statement or a comprehension: over a queryset it is a QueryLoop; over a call to a function
 * or over a parameter it is deferred until the project links it to a queryset.
 */
function readLoop(loop: Node, iterable: Node | null, variable: Node | null, body: Node | null, file: string, scope: FlowScope, out: FlowFacts): void {
  if (!iterable || variable?.type !== 'identifier' || !body) return;
  const accesses = rowAccesses(body, variable.text, file);
  const base = { loop: locationOf(file, loop), variable: variable.text, accesses };
  const query = iterated(iterable, file, scope.queries);
  if (query) {
    out.loops.push({ query, ...base });
    return;
  }
  if (accesses.length === 0) return;
  const parameter = iterable.type === 'identifier' ? scope.parameters.indexOf(iterable.text) : -1;
  if (parameter !== -1 && scope.function) {
    out.deferred.push({ source: { kind: 'parameter', function: scope.function, index: parameter, name: iterable.text }, ...base });
  } else if (iterable.type === 'call') {
    const callee = callParts(iterable).callee;
    if (callee) out.deferred.push({ source: { kind: 'call', callee: lastSegment(callee) }, ...base });
  }
}

/** `render_rows(books)`, `summarise(rows=Book.objects.all())`: querysets handed to another function. */
function passedQueries(call: Node, file: string, queries: ReadonlyMap<string, QuerySite>): QueryHandoff[] {
  const { callee, positional, keywords } = callParts(call);
  if (!callee) return [];
  const function_ = lastSegment(callee);
  const handoffs: QueryHandoff[] = [];
  positional.forEach((arg, index) => {
    const query = iterated(arg, file, queries);
    if (query) handoffs.push({ kind: 'argument', function: function_, index, query });
  });
  for (const [keyword, arg] of keywords) {
    const query = iterated(arg, file, queries);
    if (query) handoffs.push({ kind: 'argument', function: function_, keyword, query });
  }
  return handoffs;
}
