// What a file exports, read from its syntax: local names and the names other files import them by
// (`default` for the main export: `export default x`, `export = x`, `module.exports = x`).
import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { unwrap } from './imports';
import type { NodeIndex } from './node-index';

/** One export of a file: the name other files import it by, the local name it exports, and its value when the file shows it. */
export interface FileExport {
  name: string;
  local?: string;
  value?: Node;
}

/**
 * Everything the file exports, ES modules and CommonJS alike: `export function f`, `export const f = ...`,
 * `export default x`, `export = x`, `export { f as g }`, `module.exports = x`, `exports.f = ...`.
 */
export function fileExports(source: SourceFile, index: NodeIndex): FileExport[] {
  const exports: FileExport[] = [];
  // `export default setup` exports what `setup` holds; an expression exported in place is its own value.
  const of = (name: string, expression: Node): FileExport => {
    const value = unwrap(expression);
    if (!Node.isIdentifier(value)) return { name, value: expression };
    const declared = localValue(source, value.getText());
    return { name, local: value.getText(), ...(declared ? { value: declared } : {}) };
  };
  for (const statement of source.getStatements()) {
    if (Node.isVariableStatement(statement) && statement.hasExportKeyword()) {
      for (const declaration of statement.getDeclarations()) {
        const initializer = declaration.getInitializer();
        exports.push({ name: declaration.getName(), local: declaration.getName(), ...(initializer ? { value: initializer } : {}) });
      }
    } else if ((Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) && statement.hasExportKeyword()) {
      const local = statement.getName();
      exports.push({ name: statement.hasDefaultKeyword() || !local ? 'default' : local, ...(local ? { local } : {}), value: statement });
    } else if (Node.isExportAssignment(statement)) {
      exports.push(of('default', statement.getExpression()));
    } else if (Node.isExportDeclaration(statement) && !statement.getModuleSpecifier()) {
      for (const specifier of statement.getNamedExports()) {
        const local = specifier.getName();
        const declared = localValue(source, local);
        exports.push({ name: specifier.getAliasNode()?.getText() ?? local, local, ...(declared ? { value: declared } : {}) });
      }
    }
  }
  for (const assignment of index.of(SyntaxKind.BinaryExpression)) {
    if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
    const exported = commonJsExport(assignment.getLeft());
    if (exported !== undefined) exports.push(of(exported, assignment.getRight()));
  }
  return exports;
}

/** Local name → the names it is exported under. */
export type ExportedNames = ReadonlyMap<string, readonly string[]>;

export function exportedNames(exports: readonly FileExport[]): ExportedNames {
  const names = new Map<string, string[]>();
  for (const { name, local } of exports) if (local) names.set(local, [...(names.get(local) ?? []), name]);
  return names;
}

/** Each export whose value the file shows, by the name other files import it by. */
export function exportedValues(exports: readonly FileExport[]): { name: string; target: Node }[] {
  return exports.flatMap(({ name, value }) => (value ? [{ name, target: value }] : []));
}

function localValue(source: SourceFile, name: string): Node | undefined {
  return source.getFunction(name) ?? source.getClass(name) ?? source.getVariableDeclaration(name)?.getInitializer();
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
  if (Node.isFunctionDeclaration(fn) && fn.hasDefaultKeyword()) names.push('default');
  const parent = fn.getParent();
  if (parent && Node.isExportAssignment(parent)) names.push('default');
  if (parent && Node.isBinaryExpression(parent) && parent.getRight() === fn) {
    const name = commonJsExport(parent.getLeft());
    if (name) names.push(name);
  }
  return [...new Set(names)];
}
