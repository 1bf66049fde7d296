import { ts, type SourceFile } from 'ts-morph';
import type { Comment } from '../../../model/types';
import type { Locator } from './source';

/** Tokens whose text may hold comment-looking characters: `'//'`, `` `/*` ``, `/\/\//`, JSX text. */
const OPAQUE = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.JsxText,
]);

/**
 * Every comment of the file. The text is scanned once for `//` and `/*`, stepping over the tokens
 * that can hold such characters (strings, templates, regular expressions, JSX text): the parser
 * knows where those are, which a scanner alone cannot (is `/` a division or a regex?). Linear in
 * the file, and light: the tree is walked with forEachChild, without the token lists a full
 * `getChildren` walk would build for every node.
 */
export function extractComments(source: SourceFile, locator: Locator): Comment[] {
  const tree = source.compilerNode;
  const text = tree.text;
  const spans = opaqueSpans(tree);
  const comments: Comment[] = [];
  let span = 0;
  // A `#!` line is trivia, not a comment.
  let at = ts.getShebang(text)?.length ?? 0;
  while (at < text.length) {
    while (span < spans.length && spans[span][1] <= at) span++;
    if (span < spans.length && spans[span][0] <= at) {
      at = spans[span][1];
      continue;
    }
    const limit = span < spans.length ? spans[span][0] : text.length;
    const slash = text.indexOf('/', at);
    if (slash === -1 || slash >= limit) {
      at = limit;
      continue;
    }
    const next = text[slash + 1];
    if (next !== '/' && next !== '*') {
      at = slash + 1;
      continue;
    }
    const end = next === '/' ? lineEnd(text, slash) : blockEnd(text, slash);
    comments.push({ line: locator.position(slash).line, text: text.slice(slash, end) });
    at = end;
  }
  return comments;
}

/** [start, end) of every opaque token, in document order, found by an iterative walk (generated code nests deeply). */
function opaqueSpans(tree: ts.SourceFile): [number, number][] {
  const spans: [number, number][] = [];
  const stack: ts.Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    if (OPAQUE.has(node.kind)) {
      // JSX text has no leading trivia: its text starts where the node does.
      spans.push([node.kind === ts.SyntaxKind.JsxText ? node.pos : node.getStart(tree), node.end]);
      continue;
    }
    const children: ts.Node[] = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return spans;
}

const LINE_BREAK = /[\n\r\u2028\u2029]/g;

function lineEnd(text: string, from: number): number {
  LINE_BREAK.lastIndex = from;
  return LINE_BREAK.exec(text)?.index ?? text.length;
}

function blockEnd(text: string, from: number): number {
  const end = text.indexOf('*/', from + 2);
  return end === -1 ? text.length : end + 2;
}
