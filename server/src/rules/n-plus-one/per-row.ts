import type { Finding, Fix, PerRowQuery, ProjectModel } from '../../model/types';
import { hoistLookupFix } from './fix-hoist-lookup';
import { includeRelationFix } from './fix-include-relation';

/** A finding on a query that runs once per loop element, pointing at the loop. */
export function perRowFinding(query: PerRowQuery, message: string, fixes: Fix[] = []): Finding {
  return {
    rule: 'n-plus-one',
    severity: 'warning',
    file: query.location.file,
    range: query.location.range,
    message,
    fixes,
    related: [{ location: query.loop, message: 'the loop that runs it once per element' }],
  };
}

/** A per-row read of one row by key: load it with the list (preferred, when it is a relation), or read all rows before the loop. */
export function lookupFixes(query: PerRowQuery, model: ProjectModel): Fix[] {
  const include = includeRelationFix(query, model);
  const hoist = hoistLookupFix(query, model);
  return [...(include ? [include] : []), ...(hoist ? [{ ...hoist, isPreferred: !include }] : [])];
}
