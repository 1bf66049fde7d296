// Moving the entries of a nested literal up one level: `cookie: { secure: true, sameSite: 'lax' }` becomes
// `secure: true, sameSite: 'lax'`, laid out the way the outer literal separates its entries.
import { within } from '../../../model/locations';
import type { ObjectValue, TextEdit } from '../../../model/types';

/**
 * Replaces the entry `key: { a, b }` of `object` with `a, b` (as written), leaving out the keys `object`
 * already has, which win today. Only for an object literal written in place, whose entries are all its own.
 */
export function inlineObjectEntry(object: ObjectValue, key: string): TextEdit[] | undefined {
  const entry = object.entries.find((e) => e.key === key);
  const inner = entry?.value;
  if (!entry || !inner || inner.kind !== 'object' || inner.partial || !object.insertion || object.partial) return undefined;
  if (!within(inner.location, entry.location) || !inner.entries.every((e) => e.text !== undefined && within(e.location, inner.location)))
    return undefined;
  const kept = inner.entries.filter((e) => !object.entries.some((outer) => outer.key === e.key));
  // Nothing left to move: removing the entry alone would also need its comma, which is not part of it.
  if (kept.length === 0) return undefined;
  // The separator the literal already uses between entries: a new line at the entries' indentation, or `, `.
  const before = object.insertion.before;
  const separator = before.includes('\n') ? `,\n${before.slice(before.lastIndexOf('\n') + 1)}` : ', ';
  return [{ file: entry.location.file, range: entry.location.range, newText: kept.map((e) => e.text).join(separator) }];
}
