// Django query chains (`Book.objects.filter(...).select_related("author")`), the variables that
// hold them inside one function, and the loops and comprehensions that iterate them.
import type { Node } from 'web-tree-sitter';
import type { QueryCall, QueryLoop, QuerySite, TemplateRender } from '../../model/types';
import { readRender } from './renders';
import { rowAccesses } from './row-accesses';
import { callParts, descendants, lastSegment, locationOf, namedChildren, stringValue } from './syntax';

/** Query-building methods whose result is still a queryset of the same rows. */
const QUERYSET_METHODS = new Set([
  'all', 'filter', 'exclude', 'order_by', 'select_related', 'prefetch_related', 'only', 'defer', 'distinct', 'annotate',
  'alias', 'reverse', 'using', 'select_for_update', 'extra', 'none', 'union', 'intersection', 'difference', 'iterator',
  'values', 'values_list', 'fetch_mode', 'complex_filter',
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
  let current: Node | null = node;
  while (current?.type === 'call') {
    const named = rootName?.(current);
    if (named) {
      const held = scope.get(named);
      return held ? { ...held, calls: [...held.calls, ...calls], location: locationOf(file, node), extendAt: locationOf(file, node).range.end } : undefined;
    }
    const fn = current.childForFieldName('function');
    if (fn?.type !== 'attribute') return undefined;
    calls.unshift(readCall(current, fn.childForFieldName('attribute')?.text ?? '', file));
    current = fn.childForFieldName('object');
  }
  if (!current) return undefined;
  const location = locationOf(file, node);
  const extendAt = location.range.end;
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
  return site.calls.every((call) => QUERYSET_METHODS.has(call.method));
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
}

/**
 * Loops over querysets, and templates rendered with querysets, in every function (and at module
 * level), following the variables that hold the querysets.
 */
export function readQueryFlow(root: Node, file: string): FlowFacts {
  const out: FlowFacts = { loops: [], renders: [] };
  const bodies = [root, ...[...descendants(root)].filter((node) => node.type === 'function_definition').map((fn) => fn.childForFieldName('body'))];
  for (const body of bodies) if (body) walkBlock(body, file, { queries: new Map(), dicts: new Map() }, out);
  return out;
}

interface FlowScope {
  queries: Map<string, QuerySite>;
  /** `context = {...}` dictionaries, for `render(request, name, context)`. */
  dicts: Map<string, Node>;
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
      if (statement.type === 'for_statement') readForLoop(statement, file, scope.queries, out.loops);
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
    for (const node of descendants(statement)) {
      if (COMPREHENSIONS.has(node.type)) readComprehension(node, file, scope.queries, out.loops);
      else if (node.type === 'call') {
        const render = readRender(node, file, scope.queries, scope.dicts);
        if (render) out.renders.push(render);
      }
    }
  }
}

function iterated(node: Node | null, file: string, scope: ReadonlyMap<string, QuerySite>): QuerySite | undefined {
  if (!node) return undefined;
  const site = node.type === 'identifier' ? scope.get(node.text) : readQueryChain(node, file, scope);
  return site && yieldsRows(site) ? site : undefined;
}

function readForLoop(statement: Node, file: string, scope: ReadonlyMap<string, QuerySite>, loops: QueryLoop[]): void {
  const variable = statement.childForFieldName('left');
  const query = iterated(statement.childForFieldName('right'), file, scope);
  const body = statement.childForFieldName('body');
  if (!query || variable?.type !== 'identifier' || !body) return;
  loops.push({ query, loop: locationOf(file, statement), variable: variable.text, accesses: rowAccesses(body, variable.text, file) });
}

function readComprehension(node: Node, file: string, scope: ReadonlyMap<string, QuerySite>, loops: QueryLoop[]): void {
  const clause = namedChildren(node).find((child) => child.type === 'for_in_clause');
  const variable = clause?.childForFieldName('left');
  const query = iterated(clause?.childForFieldName('right') ?? null, file, scope);
  const body = node.childForFieldName('body') ?? namedChildren(node)[0];
  if (!clause || !query || variable?.type !== 'identifier' || !body) return;
  loops.push({ query, loop: locationOf(file, node), variable: variable.text, accesses: rowAccesses(body, variable.text, file) });
}
