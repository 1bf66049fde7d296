// Moving an Express registration: the statement that registers one entry (`app.use(session(...));`, on
// lines of its own) is cut and inserted before or after another such statement of the same block.
import { canMoveNextTo } from '../../../model/statement-moves';
import type { MiddlewareEntry, TextEdit } from '../../../model/types';

export function moveStatement(mover: MiddlewareEntry, anchor: MiddlewareEntry, where: 'before' | 'after'): TextEdit[] | undefined {
  if (!canMoveNextTo(mover, anchor)) return undefined;
  const from = mover.statement!;
  const to = anchor.statement!;
  const at = where === 'before' ? to.lines.range.start : to.lines.range.end;
  const file = from.lines.file;
  return [
    { file, range: { start: at, end: at }, newText: from.text },
    { file, range: from.lines.range, newText: '' },
  ];
}
