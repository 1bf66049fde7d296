// Moving an Express registration: the statement that registers one entry (`app.use(session(...));`, on
// lines of its own) is cut and inserted before or after another such statement of the same block.
import type { MiddlewareEntry, TextEdit } from '../../../model/types';

/** Whether `mover`'s statement can be moved next to `anchor`'s: both movable, in one block of one file. */
function canMove(mover: MiddlewareEntry, anchor: MiddlewareEntry): boolean {
  const a = mover.statement;
  const b = anchor.statement;
  if (!a || !b || a === b || a.lines.file !== b.lines.file) return false;
  const sameBlock = a.block.range.start.line === b.block.range.start.line && a.block.range.start.character === b.block.range.start.character;
  return sameBlock && a.lines.range.start.line !== b.lines.range.start.line;
}

export function moveStatement(mover: MiddlewareEntry, anchor: MiddlewareEntry, where: 'before' | 'after'): TextEdit[] | undefined {
  if (!canMove(mover, anchor)) return undefined;
  const from = mover.statement!;
  const to = anchor.statement!;
  const at = where === 'before' ? to.lines.range.start : to.lines.range.end;
  const file = from.lines.file;
  return [
    { file, range: { start: at, end: at }, newText: from.text },
    { file, range: from.lines.range, newText: '' },
  ];
}
