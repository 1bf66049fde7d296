import { ts, type SourceFile } from 'ts-morph';
import type { Comment } from '../../../model/types';

/**
 * Every comment of the file. Comments are trivia in front of tokens, so the parser's own tokens
 * (which know where regular expressions, templates and JSX text are) are walked and the trivia
 * before each is read with TypeScript's comment-range API.
 */
export function extractComments(source: SourceFile): Comment[] {
  const tree = source.compilerNode;
  const text = tree.text;
  const seenTrivia = new Set<number>();
  const byStart = new Map<number, Comment>();
  const readTriviaAt = (pos: number) => {
    if (seenTrivia.has(pos)) return;
    seenTrivia.add(pos);
    // Trivia at `pos` is the previous token's trailing comments (same line) then this token's leading ones.
    const ranges = [...(ts.getTrailingCommentRanges(text, pos) ?? []), ...(ts.getLeadingCommentRanges(text, pos) ?? [])];
    for (const range of ranges) {
      if (byStart.has(range.pos)) continue;
      byStart.set(range.pos, { line: tree.getLineAndCharacterOfPosition(range.pos).line, text: text.slice(range.pos, range.end) });
    }
  };
  // Iterative: generated code nests thousands of levels deep.
  const stack: ts.Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    // JSDoc nodes sit inside a comment: their offsets point into comment text, not into trivia.
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) continue;
    // JSX text holds no trivia: `// x` inside it is shown text, not a comment.
    if (node.kind === ts.SyntaxKind.JsxText) continue;
    const children = node.getChildren(tree);
    // Only tokens own trivia; a list or node starting at a JSX text would read that text as trivia.
    if (children.length === 0) readTriviaAt(node.pos);
    for (const child of children) stack.push(child);
  }
  return [...byStart.entries()].sort((a, b) => a[0] - b[0]).map(([, comment]) => comment);
}
