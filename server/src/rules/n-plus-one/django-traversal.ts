// Follows one attribute chain read from a row (`book.author.publisher.name`, `author.books.count()`)
// through the model graph, and says which hop costs a query per row given what the queryset loads.
// The query counts behind each case are the measured ones of the Django reference.
import type { DjangoModels } from '../../model/django/relations';
import type { Field, ModelDecl } from '../../model/types';
import type { Loading } from './django-loading';

export type Problem =
  /** A forward key not joined: `lookup` is the first unloaded hop, `suggest` the longest forward path read. */
  | { kind: 'forward'; lookup: string; suggest: string; deferredKey: boolean }
  /** `book.author.id`: the key is already on the row as `author_id`. */
  | { kind: 'key-id'; lookup: string; field: Field }
  /** A reverse or many-to-many manager queried per row; `prefetched` when a prefetch exists but this call ignores it. */
  | {
      kind: 'manager';
      lookup: string;
      call: string;
      prefetched: boolean;
      /** The name to count it by in a query (`Count("review")` for `review_set`). */ countBy?: string;
    }
  /** A `Prefetch(..., queryset=...only(...))` that leaves out the key back to the parent row. */
  | { kind: 'prefetch-only'; lookup: string; key: string }
  /** A field left out by only()/defer() and read per row. */
  | { kind: 'deferred'; field: string };

export interface Found {
  problem: Problem;
  /** When the read happens inside a model method or property: its name. */
  via?: string;
}

/** Manager calls a prefetch serves from its cache (measured: 2 queries in all). */
const SERVED_FROM_PREFETCH = new Set(['all', 'count', 'exists']);
/** Manager calls that always build a new query, prefetched or not. */
const NEW_QUERY = new Set([
  'filter',
  'exclude',
  'order_by',
  'get',
  'first',
  'last',
  'latest',
  'earliest',
  'aggregate',
  'annotate',
  'values',
  'values_list',
  'distinct',
  'in_bulk',
]);

/** Model methods that write the row. */
const WRITES = new Set(['save', 'delete']);

/** Whether a manager call always runs its own query, prefetched or not. */
export const newQuery = (call: string) => NEW_QUERY.has(call);

const IS_FORWARD = (field: Field) => field.relation?.kind === 'many-to-one' || field.relation?.kind === 'one-to-one';

export function traverse(
  models: DjangoModels,
  root: ModelDecl,
  path: readonly string[],
  call: string | undefined,
  loading: Loading,
): Found[] {
  return walk(models, root, path, call, loading, [], true, 0);
}

function walk(
  models: DjangoModels,
  start: ModelDecl,
  path: readonly string[],
  call: string | undefined,
  loading: Loading,
  prefix: string[],
  nonNullSoFar: boolean,
  depth: number,
): Found[] {
  let current = start;
  const lookupParts = [...prefix];
  let nonNull = nonNullSoFar;
  // A method called on the row itself, or str(row): read what it reads.
  if (path.length === 0) return call ? viaMember(models, current, call, 'method', loading, lookupParts, nonNull, depth) : [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    const lookup = [...lookupParts, segment].join('__');
    const field = current.fields.find((f) => f.name === segment);
    if (!field) {
      if (current.fields.some((f) => f.column === segment)) return [];
      const reverse = models.reverse(current).get(segment);
      if (reverse) {
        const queryName = reverse.field.relation?.relatedName ?? reverse.from.name.toLowerCase();
        const countBy = lookupParts.length === 0 ? queryName : undefined;
        return managerProblem(
          lookup,
          last ? call : undefined,
          loading,
          reverse.field,
          reverse.field.relation?.kind === 'one-to-one',
          countBy,
        );
      }
      // `book.display_title` where display_title is a property that reads relations.
      return last && !call ? viaMember(models, current, segment, 'property', loading, lookupParts, nonNull, depth) : [];
    }
    if (field.relation?.kind === 'many-to-many')
      return managerProblem(lookup, last ? call : undefined, loading, undefined, false, lookupParts.length === 0 ? segment : undefined);
    if (!IS_FORWARD(field)) {
      const deferred = lookupParts.length === 0 && isDeferred(loading, field);
      return deferred ? [{ problem: { kind: 'deferred', field: field.name } }] : [];
    }
    nonNull = nonNull && !field.nullable;
    const next = path[i + 1];
    const loaded =
      loading.selected.has(lookup) ||
      loading.prefetched.has(lookup) ||
      (loading.selectsAllNonNull && nonNull) ||
      loading.forwardKeysBatched;
    if ((next === 'id' || next === 'pk') && i + 1 === path.length - 1 && !call) {
      return loaded ? [] : [{ problem: { kind: 'key-id', lookup, field } }];
    }
    if (!loaded) {
      const deferredKey = lookupParts.length === 0 && isDeferred(loading, field);
      return [{ problem: { kind: 'forward', lookup, suggest: longestForward(models, current, path.slice(i), lookupParts), deferredKey } }];
    }
    const target = models.target(field);
    if (!target) return [];
    current = target;
    lookupParts.push(segment);
  }
  return [];
}

function isDeferred(loading: Loading, field: Field): boolean {
  if (field.primaryKey) return false;
  return loading.deferred.has(field.name) || (loading.only !== undefined && !loading.only.has(field.name));
}

/** The longest run of forward keys from here (`author__publisher` for `book.author.publisher.name`). */
function longestForward(models: DjangoModels, from: ModelDecl, path: readonly string[], prefix: string[]): string {
  const parts = [...prefix];
  let current: ModelDecl | undefined = from;
  for (const segment of path) {
    const field: Field | undefined = current?.fields.find((f) => f.name === segment);
    if (!field || !IS_FORWARD(field)) break;
    parts.push(segment);
    current = models.target(field);
  }
  return parts.join('__');
}

function managerProblem(
  lookup: string,
  call: string | undefined,
  loading: Loading,
  backKey?: Field,
  reverseOneToOne = false,
  countBy?: string,
): Found[] {
  // A reverse one-to-one is an object, not a manager: reading it is a query unless joined or prefetched.
  if (reverseOneToOne) {
    const loaded = loading.selected.has(lookup) || loading.prefetched.has(lookup);
    return loaded ? [] : [{ problem: { kind: 'forward', lookup, suggest: lookup, deferredKey: false } }];
  }
  if (!call) return [];
  const prefetched = loading.prefetched.has(lookup);
  if (SERVED_FROM_PREFETCH.has(call)) {
    if (!prefetched)
      return [{ problem: { kind: 'manager', lookup, call, prefetched, ...(call === 'count' && countBy ? { countBy } : {}) } }];
    const only = loading.prefetchOnly.get(lookup);
    if (only && backKey && !only.includes(backKey.name) && !only.includes(backKey.column))
      return [{ problem: { kind: 'prefetch-only', lookup, key: backKey.name } }];
    return [];
  }
  return NEW_QUERY.has(call) ? [{ problem: { kind: 'manager', lookup, call, prefetched } }] : [];
}

/** Reads through a model method or property, one level deep (a method calling methods is not followed). */
function viaMember(
  models: DjangoModels,
  model: ModelDecl,
  name: string,
  kind: 'method' | 'property',
  loading: Loading,
  prefix: string[],
  nonNull: boolean,
  depth: number,
): Found[] {
  // save() and delete() write each row with queries of their own whatever is loaded (and the signals they
  // send run more): what they read on the way is not what makes the loop cost a query per row, and
  // select_related would not make it one query. The fix for such a loop is bulk_update()/update()/delete().
  if (depth > 0 || WRITES.has(name)) return [];
  const member = model.members?.find((m) => m.name === name && (kind === 'method' || m.kind === 'property'));
  if (!member) return [];
  return member.accesses.flatMap((access) =>
    walk(models, model, access.path, access.call, loading, prefix, nonNull, depth + 1).map((found) => ({
      ...found,
      via: `${model.name}.${member.name}`,
    })),
  );
}
