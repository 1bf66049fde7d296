// The file's outline: classes, functions, methods, and the arrow functions and function expressions
// a name holds (`const handler = async () => {}`, a class field, an object property, `exports.x =`).
// Callbacks passed to a call have no name of their own: they belong to the definition around them.
import { SyntaxKind, ts } from 'ts-morph';
import type { SymbolDecl } from '../../../model/types';
import { Outline } from '../../outline';
import type { NodeIndex } from './node-index';
import type { Locator } from './source';

export const SYMBOL_KINDS = [
  SyntaxKind.ClassDeclaration,
  SyntaxKind.ClassExpression,
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.FunctionExpression,
  SyntaxKind.ArrowFunction,
  SyntaxKind.MethodDeclaration,
  SyntaxKind.Constructor,
  SyntaxKind.GetAccessor,
  SyntaxKind.SetAccessor,
] as const;

export function extractSymbols(index: NodeIndex, locator: Locator, source: ts.SourceFile): SymbolDecl[] {
  const definitions = SYMBOL_KINDS.flatMap((kind) => index.compilerNodes(kind).map((node) => ({ node, start: node.getStart(source) })));
  // Outer definitions first: by start, the longer one first when two start together.
  definitions.sort((a, b) => a.start - b.start || b.node.end - a.node.end);
  const outline = new Outline();
  for (const { node, start } of definitions) {
    const name = nameOf(node, source);
    if (name !== undefined) outline.add(name, kindOf(node), locator.range(start, node.end));
  }
  return outline.symbols;
}

function kindOf(node: ts.Node): SymbolDecl['kind'] {
  if (ts.isClassLike(node)) return 'class';
  return ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isAccessor(node) ? 'method' : 'function';
}

function nameOf(node: ts.Node, source: ts.SourceFile): string | undefined {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (ts.isMethodDeclaration(node) || ts.isAccessor(node)) return propertyName(node.name, source);
  if ((ts.isClassDeclaration(node) || ts.isFunctionDeclaration(node)) && !node.name) return 'default';
  const own = (node as ts.NamedDeclaration).name;
  if (own && ts.isIdentifier(own)) return own.text;
  return holderName(node.parent, source);
}

/** The name an unnamed function or class expression is stored under, if it is stored at all. */
function holderName(parent: ts.Node, source: ts.SourceFile): string | undefined {
  if (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent))
    return propertyName(parent.name, source);
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(parent.left))
    return parent.left.name.text;
  if (ts.isExportAssignment(parent)) return 'default';
  return undefined;
}

function propertyName(name: ts.Node, source: ts.SourceFile): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  // Destructuring (`const { a } = ...`) names no function; a computed key is shown as written.
  return ts.isComputedPropertyName(name) ? name.getText(source) : undefined;
}
