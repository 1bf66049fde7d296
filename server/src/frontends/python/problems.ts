import type { Node } from 'web-tree-sitter';
import type { ParseProblem } from '../../model/types';
import { rangeOf } from './syntax';

/** A syntax error the parser recovered from, worded for a person. */
export function syntaxProblem(node: Node): ParseProblem {
  if (node.isMissing) return { message: `Syntax error: missing \`${node.type}\``, range: rangeOf(node) };
  const text = node.text.split('\n')[0].trim();
  const shown = text.length > 20 ? `${text.slice(0, 20)}…` : text;
  return { message: shown ? `Syntax error: unexpected \`${shown}\`` : 'Syntax error', range: rangeOf(node) };
}
