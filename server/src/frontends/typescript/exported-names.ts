// What a file exports, read from its syntax: local names and the names other files import them by
// (`default` for the main export: `export default x`, `export = x`, `module.exports = x`).
import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { unwrap } from './imports';
import type { NodeIndex } from './node-index';

/** Local name → the names it is exported under. */
export type ExportedNames = ReadonlyMap<string, readonly string[]>;

export function exportedNames(source: SourceFile, index: NodeIndex): ExportedNames {
  const names = new Map<string, string[]>();
  const add = (local: string, exported: string) => names.set(local, [...(names.get(local) ?? []), exported]);
  for (const statement of source.getStatements()) {
    if (Node.isVariableStatement(statement) && statement.isExported()) {
      for (const declaration of statement.getDeclarations()) add(declaration.getName(), declaration.getName());
    } else if ((Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) && statement.isExported()) {
      const name = statement.getName();
      if (name) add(name, statement.isDefaultExport() ? 'default' : name);
    } else if (Node.isExportAssignment(statement)) {
      // `export default setup;` and `export = setup;`
      const expression = unwrap(statement.getExpression());
      if (Node.isIdentifier(expression)) add(expression.getText(), 'default');
    } else if (Node.isExportDeclaration(statement) && !statement.getModuleSpecifier()) {
      for (const specifier of statement.getNamedExports()) add(specifier.getName(), specifier.getAliasNode()?.getText() ?? specifier.getName());
    }
  }
  for (const assignment of index.of(SyntaxKind.BinaryExpression)) {
    if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
    const exported = commonJsExport(assignment.getLeft());
    const value = unwrap(assignment.getRight());
    if (exported !== undefined && Node.isIdentifier(value)) add(value.getText(), exported);
  }
  return names;
}

/** `module.exports` → 'default', `module.exports.x` / `exports.x` → 'x', anything else → undefined. */
export function commonJsExport(target: Node): string | undefined {
  const node = unwrap(target);
  if (Node.isPropertyAccessExpression(node)) {
    const object = unwrap(node.getExpression());
    if (Node.isIdentifier(object) && object.getText() === 'module' && node.getName() === 'exports') return 'default';
    if (Node.isIdentifier(object) && object.getText() === 'exports') return node.getName();
    if (Node.isPropertyAccessExpression(object) && commonJsExport(object) === 'default') return node.getName();
  }
  return undefined;
}

/**
 * The names a function is linked by: its own (the declaration, method or const it is assigned to), and
 * `default` or another exported name when the file exports it, or when it is exported in place
 * (`export default (app) => {...}`, `module.exports = function (app) {...}`).
 */
export function functionNames(fn: Node, own: string | undefined, exported: ExportedNames): string[] {
  const names = own ? [own, ...(exported.get(own) ?? [])] : [];
  if (Node.isFunctionDeclaration(fn) && fn.isDefaultExport()) names.push('default');
  const parent = fn.getParent();
  if (parent && Node.isExportAssignment(parent)) names.push('default');
  if (parent && Node.isBinaryExpression(parent) && parent.getRight() === fn) {
    const name = commonJsExport(parent.getLeft());
    if (name) names.push(name);
  }
  return [...new Set(names)];
}
