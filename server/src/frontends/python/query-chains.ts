// One Django query chain (`Book.objects.filter(...).select_related("author")`): its model, manager and
// calls, and whether it still yields rows.
import type { Node } from 'web-tree-sitter';
import type { QueryCall, QuerySite, ReturnedQueryset } from '../../model/types';
import { readConditions } from './query-filters';
import { callParts, descendants, lastSegment, locationOf, MAX_CHAIN, stringValue } from './syntax';

/**
 * Methods whose result is not a queryset of rows: one object, a number, a write. Any other method,
 * Django's or a custom manager's or queryset's (`Book.objects.published()`), keeps yielding rows.
 */
const NOT_ROWS = new Set([
  'get',
  'first',
  'last',
  'latest',
  'earliest',
  'count',
  'exists',
  'aggregate',
  'create',
  'get_or_create',
  'update_or_create',
  'update',
  'delete',
  'in_bulk',
  'explain',
  'contains',
  'bulk_create',
  'bulk_update',
  'get_queryset_descriptor',
  'as_manager',
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
  while (chainEnd.type === 'subscript' && chainEnd.childForFieldName('subscript')?.type === 'slice')
    chainEnd = chainEnd.childForFieldName('value') ?? chainEnd;
  // Read from the slice, or from the chain the slice applies to.
  const parent = node.parent;
  const slicedByParent =
    parent?.type === 'subscript' &&
    parent.childForFieldName('subscript')?.type === 'slice' &&
    parent.childForFieldName('value')?.id === node.id;
  const sliced = chainEnd !== node || slicedByParent ? { sliced: true } : {};
  let current: Node | null = chainEnd;
  // Read from the outermost call inwards (pushed, then reversed: unshift would be quadratic).
  while (current?.type === 'call') {
    // A chain longer than anyone writes is generated: it yields no query, rather than quadratic work.
    if (calls.length === MAX_CHAIN) return undefined;
    const named = rootName?.(current);
    if (named) {
      const held = scope.get(named);
      return held
        ? {
            ...held,
            calls: [...held.calls, ...calls.reverse()],
            location: locationOf(file, node),
            extendAt: locationOf(file, chainEnd).range.end,
            ...sliced,
          }
        : undefined;
    }
    const fn = current.childForFieldName('function');
    if (fn?.type !== 'attribute') return undefined;
    calls.push(readCall(current, fn.childForFieldName('attribute')?.text ?? '', file));
    current = fn.childForFieldName('object');
  }
  calls.reverse();
  if (!current) return undefined;
  const location = locationOf(file, node);
  const extendAt = locationOf(file, chainEnd).range.end;
  if (current.type === 'identifier') {
    const held = scope.get(current.text);
    if (!held || calls.length === 0) return undefined;
    return { ...held, calls: [...held.calls, ...calls], location, extendAt, ...sliced };
  }
  if (current.type !== 'attribute') return undefined;
  const model = current.childForFieldName('object');
  const manager = current.childForFieldName('attribute');
  // `Book.objects`: a class (capitalised by convention) and its manager.
  if (model?.type !== 'identifier' || !manager || !/^[A-Z]/.test(model.text) || !/^[a-z_]/.test(manager.text) || calls.length === 0)
    return undefined;
  return { model: model.text, manager: manager.text, stack: 'django', calls, location, extendAt, ...sliced };
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
  const conditions = readConditions(call, method);
  // `prefetch_related(*lookups)`, `select_related(path)`: loads what the code computes, which is not read here.
  const computed = LOADING.has(method) && positional.length > args.length + prefetches.length;
  return {
    method,
    args,
    keywords: [...keywords.keys()],
    ...(prefetches.length ? { prefetches } : {}),
    ...(conditions ? { conditions } : {}),
    ...(computed ? { computed } : {}),
    location: locationOf(file, call),
  };
}

const LOADING = new Set(['select_related', 'prefetch_related', 'only', 'defer']);

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

/**
 * What `get_queryset()` returns: one `return Model.objects...` chain, or `return super().get_queryset()...` with
 * the calls it adds. Anything else (a variable built in steps, a helper, several returns) is unknown: the
 * loading then cannot be told, and nothing is said about it.
 */
export function returnedQueryset(fn: Node, file: string): ReturnedQueryset {
  const returns = [...descendants(fn)].filter((node) => node.type === 'return_statement');
  const value = returns.length === 1 ? returns[0].namedChildren[0] : undefined;
  if (!value) return 'unknown';
  const direct = readQueryChain(value, file);
  if (direct) return { query: direct };
  const isSuper = (node: Node) => /^super\([^)]*\)\.get_queryset\([^)]*\)$/.test(node.text);
  if (isSuper(value)) return { adds: [] };
  const base: QuerySite = {
    model: '',
    manager: 'objects',
    stack: 'django',
    calls: [],
    location: locationOf(file, value),
    extendAt: locationOf(file, value).range.end,
  };
  const chained = readQueryChain(value, file, new Map([['__base__', base]]), (node) => (isSuper(node) ? '__base__' : undefined));
  return chained ? { adds: chained.calls } : 'unknown';
}
