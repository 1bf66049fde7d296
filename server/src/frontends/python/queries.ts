// Django query chains (`Book.objects.filter(...).select_related("author")`), the variables that
// hold them inside one function, and the loops and comprehensions that iterate them.
import type { Node } from 'web-tree-sitter';
import type { DeferredLoop, QueryHandoff, QueryLoop, QuerySite, TemplateRender } from '../../model/types';
import { readQueryChain, yieldsRows } from './query-chains';
import { readRender } from './renders';
import { rowAccesses } from './row-accesses';
import { callParts, descendants, lastSegment, locationOf, namedChildren, stringValue } from './syntax';

/** Every query chain of the file, outermost calls only. */
export function readQueries(root: Node, file: string): QuerySite[] {
  const sites: QuerySite[] = [];
  // The inner `Book.objects.filter(...)` of `Book.objects.filter(...).order_by(...)` is part of the outer
  // chain: each call marks the call its method is called on (visited later, the walk being depth first).
  const inner = new Set<number>();
  for (const node of descendants(root)) {
    if (node.type !== 'call') continue;
    const fn = node.childForFieldName('function');
    const receiver = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
    if (receiver?.type === 'call') inner.add(receiver.id);
    if (inner.delete(node.id)) continue;
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
    const name = param.type === 'identifier' ? param : (param.childForFieldName('name') ?? param.namedChildren[0]);
    return name?.type === 'identifier' ? [name.text] : [];
  });
  return names[0] === 'self' || names[0] === 'cls' ? names.slice(1) : names;
}

const COMPOUND = new Set([
  'if_statement',
  'elif_clause',
  'else_clause',
  'for_statement',
  'while_statement',
  'with_statement',
  'try_statement',
  'except_clause',
  'finally_clause',
  'block',
]);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

/** Statements in order, so that a variable holds the queryset assigned last before the loop. */
function walkBlock(block: Node, file: string, scope: FlowScope, out: FlowFacts): void {
  for (const statement of namedChildren(block)) {
    if (statement.type === 'function_definition' || statement.type === 'class_definition' || statement.type === 'decorated_definition')
      continue;
    if (COMPOUND.has(statement.type)) {
      if (statement.type === 'for_statement') {
        readLoop(
          statement,
          statement.childForFieldName('right'),
          statement.childForFieldName('left'),
          statement.childForFieldName('body'),
          file,
          scope,
          out,
        );
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
function readLoop(
  loop: Node,
  iterable: Node | null,
  variable: Node | null,
  body: Node | null,
  file: string,
  scope: FlowScope,
  out: FlowFacts,
): void {
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
