// Names and the declarations they may refer to, read from one file's syntax (no type checker): the
// variables and parameters of that name, nearest enclosing function first.
import { Node, SyntaxKind } from 'ts-morph';

/** Without a type checker, a name's declarations are the variables and parameters of that name in the file. */
export function declarationsNamed(identifier: Node): Node[] {
  const source = identifier.getSourceFile();
  let byName = declarationCache.get(source);
  if (!byName) {
    byName = new Map();
    for (const declaration of [
      ...source.getDescendantsOfKind(SyntaxKind.VariableDeclaration),
      ...source.getDescendantsOfKind(SyntaxKind.Parameter),
    ]) {
      const name = declaration.getName();
      byName.set(name, [...(byName.get(name) ?? []), declaration]);
    }
    declarationCache.set(source, byName);
  }
  return byName.get(identifier.getText()) ?? [];
}

/**
 * The declarations a use can see, nearest first: those in a function that encloses the use (or at
 * module level), declared before it. Several functions often reuse one name (`posts`).
 */
export function inScope(use: Node, declarations: Node[]): Node[] {
  const at = use.getStart();
  const visible = declarations.filter((declaration) => {
    const scope = declaration.getFirstAncestor(
      (ancestor) => Node.isFunctionLikeDeclaration(ancestor) || Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor),
    );
    return !scope || (scope.getStart() <= at && at <= scope.getEnd());
  });
  return visible.sort((a, b) => Math.abs(at - a.getStart()) - Math.abs(at - b.getStart()));
}

/** Each analysis parses a fresh SourceFile; its declarations are collected once. */
const declarationCache = new WeakMap<object, Map<string, Node[]>>();

/** The function (declaration, arrow or expression) a node is in, if any. */
export function enclosingFunction(node: Node): Node | undefined {
  return node.getFirstAncestor(
    (ancestor) => Node.isFunctionLikeDeclaration(ancestor) || Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor),
  );
}
