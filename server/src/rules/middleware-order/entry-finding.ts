// A middleware-order finding on one entry of a chain, pointing at the other entry it conflicts with.
import type { Finding, Fix, MiddlewareEntry } from '../../model/types';

/** `verb` says what happens at the other entry: `registered`, `applied`. */
export function entryFinding(entry: MiddlewareEntry, severity: Finding['severity'], message: string, other?: { entry: MiddlewareEntry; verb: string }, fix?: Fix): Finding {
  return {
    rule: 'middleware-order',
    severity,
    file: entry.location.file,
    range: entry.location.range,
    message,
    fixes: fix ? [fix] : [],
    ...(other ? { related: [{ location: other.entry.location, message: `${other.entry.name} is ${other.verb} here` }] } : {}),
  };
}
