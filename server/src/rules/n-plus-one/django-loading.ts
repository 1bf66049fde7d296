// What a Django queryset loads up front: select_related joins, prefetch_related lookups,
// deferred fields, and whether its rows are model instances at all.
import type { QuerySite } from '../../model/types';

export interface Loading {
  /** `values()`/`values_list()`: rows are dicts or tuples, no relation can be traversed. */
  plainRows: boolean;
  /** A loading call with computed arguments (`prefetch_related(*lookups)`): it may load anything, so nothing is said. */
  unknown: boolean;
  /** Joined forward relations, as `__` paths (every prefix of a select_related path is joined too). */
  selected: Set<string>;
  /** `select_related()` without arguments: every non-null forward key, recursively. */
  selectsAllNonNull: boolean;
  /**
   * Django 6.1 `fetch_mode(FETCH_PEERS)` loads a forward key for all rows of the queryset at once
   * (and FETCH_RAISE refuses to load it): forward keys cost no query per row. Managers still do.
   */
  forwardKeysBatched: boolean;
  prefetched: Set<string>;
  /** Prefetch lookups whose inner queryset's `only()` leaves out the key back to the parent. */
  prefetchOnly: Map<string, string[]>;
  /** Fields `only()` leaves out or `defer()` names, on the queried model itself. */
  only?: Set<string>;
  deferred: Set<string>;
}

function withPrefixes(path: string, into: Set<string>): void {
  const parts = path.split('__');
  for (let i = 1; i <= parts.length; i++) into.add(parts.slice(0, i).join('__'));
}

export function loadingOf(site: QuerySite): Loading {
  const loading: Loading = {
    plainRows: false,
    unknown: false,
    selected: new Set(),
    selectsAllNonNull: false,
    forwardKeysBatched: false,
    prefetched: new Set(),
    prefetchOnly: new Map(),
    deferred: new Set(),
  };
  for (const call of site.calls) {
    if (call.computed) loading.unknown = true;
    switch (call.method) {
      case 'values':
      case 'values_list':
        loading.plainRows = true;
        break;
      case 'select_related':
        if (call.args.length === 0 && call.keywords.length === 0) loading.selectsAllNonNull = true;
        for (const path of call.args) withPrefixes(path, loading.selected);
        break;
      case 'prefetch_related':
        for (const path of call.args) withPrefixes(path, loading.prefetched);
        for (const prefetch of call.prefetches ?? []) {
          withPrefixes(prefetch.path, loading.prefetched);
          if (prefetch.only) loading.prefetchOnly.set(prefetch.path, prefetch.only);
        }
        break;
      case 'only':
        loading.only = new Set(call.args.filter((field) => !field.includes('__')));
        break;
      case 'fetch_mode':
        if (call.args.some((mode) => mode === 'FETCH_PEERS' || mode === 'FETCH_RAISE')) loading.forwardKeysBatched = true;
        break;
      case 'defer':
        for (const field of call.args) loading.deferred.add(field);
        break;
    }
  }
  return loading;
}
