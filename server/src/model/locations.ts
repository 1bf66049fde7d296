// Where one place of the source lies relative to another, for readers of the model that compare places.
import type { Location, Position } from './types';

/** Whether `inner` lies inside `outer` (same file, bounds included). */
export function within(inner: Location, outer: Location): boolean {
  const { start, end } = outer.range;
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return inner.file === outer.file && after(inner.range.start, start) && after(end, inner.range.end);
}
