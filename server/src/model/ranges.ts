import type { Position, Range } from './types';

/** Whether `a` comes before `b` in a file. */
export const isBefore = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

/** Whether `inner` lies inside `outer` (their bounds included). */
export const rangeContains = (outer: Range, inner: Range): boolean =>
  !isBefore(inner.start, outer.start) && !isBefore(outer.end, inner.end);
