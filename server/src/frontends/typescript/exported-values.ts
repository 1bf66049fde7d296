// What a file exports, by name, without a type checker: what another file of the project can import.
import { Node, SyntaxKind, type SourceFile } from 'ts-morph';

/** `export function f`, `export const f = ...`, `export default ...`, `export { f as g }`: each export's name and value. */
export function exportedValues(source: SourceFile): { name: string; target: Node }[] {
  const values: { name: string; target: Node }[] = [];
  for (const statement of source.getStatements()) {
    if (Node.isFunctionDeclaration(statement) && statement.isExported()) {
      values.push({ name: statement.isDefaultExport() ? 'default' : (statement.getName() ?? 'default'), target: statement });
    } else if (Node.isClassDeclaration(statement) && statement.isExported()) {
      values.push({ name: statement.isDefaultExport() ? 'default' : (statement.getName() ?? 'default'), target: statement });
    } else if (Node.isVariableStatement(statement) && statement.isExported()) {
      for (const declaration of statement.getDeclarations()) {
        const initializer = declaration.getInitializer();
        if (initializer) values.push({ name: declaration.getName(), target: initializer });
      }
    } else if (Node.isExportAssignment(statement) && !statement.isExportEquals()) {
      values.push({ name: 'default', target: statement.getExpression() });
    } else if (Node.isExportDeclaration(statement) && !statement.getModuleSpecifier()) {
      for (const specifier of statement.getNamedExports()) {
        const local = specifier.getNameNode();
        const declared = local.getKind() === SyntaxKind.Identifier ? localValue(source, local.getText()) : undefined;
        if (declared) values.push({ name: specifier.getAliasNode()?.getText() ?? local.getText(), target: declared });
      }
    }
  }
  return values;
}

function localValue(source: SourceFile, name: string): Node | undefined {
  return source.getFunction(name) ?? source.getClass(name) ?? source.getVariableDeclaration(name)?.getInitializer();
}
