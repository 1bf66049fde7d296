import { Node, SyntaxKind, ts, type ArrayLiteralExpression, type ObjectLiteralExpression } from 'ts-morph';
import type { ObjectInsertion } from '../../../model/types';
import type { Locator } from './source';

const NEST_INDENT = '  ';

/**
 * How to add one entry to an object literal the way its author would have: on its own line with the
 * same indentation in a multi-line literal, `, key: value` in a one-line literal, trailing commas kept,
 * and a comment at the end of the last entry left on that entry's line.
 */
export function objectInsertion(object: ObjectLiteralExpression, locator: Locator): ObjectInsertion {
  return literalInsertion(object, object.getProperties(), object.compilerNode.properties.hasTrailingComma, locator);
}

/** The same for one more element of an array literal (`include: ['author']`, `relations: ['category']`). */
export function arrayInsertion(array: ArrayLiteralExpression, locator: Locator): ObjectInsertion {
  return literalInsertion(array, array.getElements(), array.compilerNode.elements.hasTrailingComma, locator);
}

function literalInsertion(literal: Node, entries: readonly Node[], hasTrailingComma: boolean, locator: Locator): ObjectInsertion {
  const text = locator.text;
  const open = literal.getStart();
  const close = literal.getEnd() - 1;
  const closeLine = locator.position(close).line;
  if (entries.length === 0) {
    if (locator.position(open).line === closeLine) {
      // `{}` gets spaces inside, `[]` does not: the way each is usually written.
      const pad = Node.isObjectLiteralExpression(literal) ? ' ' : '';
      return { range: locator.range(open + 1, close), before: pad, after: pad };
    }
    const at = locator.position(open + 1);
    return { range: { start: at, end: at }, before: `\n${locator.indentOfLine(closeLine)}${NEST_INDENT}`, after: '' };
  }
  const last = entries[entries.length - 1];
  const lastEnd = last.getEnd();
  const comma = hasTrailingComma ? trailingComma(literal) : undefined;
  const afterComma = comma ? comma.getEnd() : lastEnd;
  if (locator.position(lastEnd).line === closeLine) {
    const at = locator.position(afterComma);
    return comma ? { range: { start: at, end: at }, before: ' ', after: ',' } : { range: { start: at, end: at }, before: ', ', after: '' };
  }
  const indent = locator.indentOfLine(locator.position(last.getStart()).line);
  const comments = ts.getTrailingCommentRanges(text, afterComma) ?? [];
  const commentEnd = comments.length > 0 ? comments[comments.length - 1].end : afterComma;
  if (comma) {
    const at = locator.position(commentEnd);
    return { range: { start: at, end: at }, before: `\n${indent}`, after: ',' };
  }
  // No trailing comma: the comma goes right after the last entry, its comment stays with it.
  return { range: locator.range(lastEnd, commentEnd), before: `,${text.slice(lastEnd, commentEnd)}\n${indent}`, after: '' };
}

function trailingComma(literal: Node): Node | undefined {
  const list = literal.getFirstChildByKind(SyntaxKind.SyntaxList);
  const last = list?.getLastChild();
  return last && last.getKind() === SyntaxKind.CommaToken ? last : undefined;
}
