import { Node, SyntaxKind, ts, type ObjectLiteralExpression } from 'ts-morph';
import type { ObjectInsertion } from '../../model/types';
import type { Locator } from './source';

const NEST_INDENT = '  ';

/**
 * How to add one entry to an object literal the way its author would have: on its own line with the
 * same indentation in a multi-line literal, `, key: value` in a one-line literal, trailing commas kept,
 * and a comment at the end of the last entry left on that entry's line.
 */
export function objectInsertion(object: ObjectLiteralExpression, locator: Locator): ObjectInsertion {
  const text = locator.text;
  const open = object.getStart();
  const close = object.getEnd() - 1;
  const closeLine = locator.position(close).line;
  const properties = object.getProperties();
  if (properties.length === 0) {
    if (locator.position(open).line === closeLine) {
      return { range: locator.range(open + 1, close), before: ' ', after: ' ' };
    }
    const at = locator.position(open + 1);
    return { range: { start: at, end: at }, before: `\n${locator.indentOfLine(closeLine)}${NEST_INDENT}`, after: '' };
  }
  const last = properties[properties.length - 1];
  const lastEnd = last.getEnd();
  const comma = trailingComma(object);
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

function trailingComma(object: ObjectLiteralExpression): Node | undefined {
  if (!object.compilerNode.properties.hasTrailingComma) return undefined;
  const list = object.getFirstChildByKind(SyntaxKind.SyntaxList);
  const last = list?.getLastChild();
  return last && last.getKind() === SyntaxKind.CommaToken ? last : undefined;
}
