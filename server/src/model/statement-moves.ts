// Whether one registration can be moved next to another with one edit: both are statements on lines of
// their own, in one block of one file. Rules ask it to choose which move to offer; the TypeScript fix
// writer asks it again before it writes the move.
import type { MiddlewareEntry } from './types';

export function canMoveNextTo(mover: MiddlewareEntry, anchor: MiddlewareEntry): boolean {
  const a = mover.statement;
  const b = anchor.statement;
  if (!a || !b || a === b || a.lines.file !== b.lines.file) return false;
  const sameBlock =
    a.block.range.start.line === b.block.range.start.line && a.block.range.start.character === b.block.range.start.character;
  return sameBlock && a.lines.range.start.line !== b.lines.range.start.line;
}
