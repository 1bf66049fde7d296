// A registration statement that a fix can move as whole lines: `app.use(helmet());` alone on its
// lines, directly in a block or at the top level of the file, with the comment lines right above it.
import { Node, ts, type CallExpression } from 'ts-morph';
import type { MovableStatement } from '../../../model/types';
import type { Locator } from '../syntax/source';

export function movableStatement(call: CallExpression, locator: Locator): MovableStatement | undefined {
  // `await app.register(plugin);` is as much one statement as `app.register(plugin);`.
  const parent = call.getParent();
  const statement = parent && Node.isAwaitExpression(parent) ? parent.getParent() : parent;
  if (!statement || !Node.isExpressionStatement(statement)) return undefined;
  const block = statement.getParent();
  if (!block || !(Node.isBlock(block) || Node.isSourceFile(block) || Node.isModuleBlock(block))) return undefined;
  const text = locator.text;
  const start = statement.getStart();
  let lineStart = start - locator.position(start).character;
  if (text.slice(lineStart, start).trim() !== '') return undefined;
  // Comments on the lines right above it (no blank line between) are about it, and move with it.
  for (const comment of [...statement.getLeadingCommentRanges()].reverse()) {
    const commentLineStart = comment.getPos() - locator.position(comment.getPos()).character;
    const between = text.slice(comment.getEnd(), lineStart);
    if (text.slice(commentLineStart, comment.getPos()).trim() !== '' || between.trim() !== '' || between.split('\n').length > 2) break;
    lineStart = commentLineStart;
  }
  // After the statement: nothing but a comment up to the end of its line.
  const comments = ts.getTrailingCommentRanges(text, statement.getEnd()) ?? [];
  let end = comments.length > 0 ? comments[comments.length - 1].end : statement.getEnd();
  while (end < text.length && (text[end] === ' ' || text[end] === '\t' || text[end] === '\r')) end++;
  // The last line of a file without a final newline is left alone: moving it would join two lines.
  if (end >= text.length || text[end] !== '\n') return undefined;
  const lineEnd = end + 1;
  return {
    lines: { file: locator.file, range: locator.range(lineStart, lineEnd) },
    text: text.slice(lineStart, lineEnd),
    block: locator.of(block),
  };
}
