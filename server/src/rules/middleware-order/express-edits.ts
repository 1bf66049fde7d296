// Moving an Express registration: the statement that registers one entry (`app.use(session(...));`,
// on lines of its own) is cut and inserted before or after another such statement of the same block.
// Rules decide whether the move is right; this file only knows how to write it.
import type { Fix, MiddlewareEntry } from '../../model/types';

/** How a chain entry is called in a fix title. */
function label(entry: MiddlewareEntry): string {
  if (entry.role === 'error-handler') return 'the error handler';
  // An inline function is named by its parameters, which say little in a title.
  return entry.name.endsWith('=> {…}') ? `the middleware on line ${entry.location.range.start.line + 1}` : entry.name;
}

/** Whether `mover`'s statement can be moved next to `anchor`'s: both movable, in one block of one file. */
function canMove(mover: MiddlewareEntry, anchor: MiddlewareEntry): boolean {
  const a = mover.statement;
  const b = anchor.statement;
  if (!a || !b || a === b || a.lines.file !== b.lines.file) return false;
  const sameBlock = a.block.range.start.line === b.block.range.start.line && a.block.range.start.character === b.block.range.start.character;
  return sameBlock && a.lines.range.start.line !== b.lines.range.start.line;
}

/** Moves `mover`'s lines right before `anchor`'s lines (`where: 'before'`) or right after them. */
export function moveStatement(mover: MiddlewareEntry, anchor: MiddlewareEntry, where: 'before' | 'after'): Fix | undefined {
  if (!canMove(mover, anchor)) return undefined;
  const from = mover.statement!;
  const to = anchor.statement!;
  const at = where === 'before' ? to.lines.range.start : to.lines.range.end;
  const file = from.lines.file;
  return {
    title: `Move ${label(mover)} ${where} ${label(anchor)}`,
    isPreferred: true,
    edits: [
      { file, range: { start: at, end: at }, newText: from.text },
      { file, range: from.lines.range, newText: '' },
    ],
  };
}
