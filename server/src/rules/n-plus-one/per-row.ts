import type { Finding, PerRowQuery } from '../../model/types';

/** A finding on a query that runs once per loop element, pointing at the loop. */
export function perRowFinding(query: PerRowQuery, message: string): Finding {
  return {
    rule: 'n-plus-one',
    severity: 'warning',
    file: query.location.file,
    range: query.location.range,
    message,
    fixes: [],
    related: [{ location: query.loop, message: 'the loop that runs it once per element' }],
  };
}
