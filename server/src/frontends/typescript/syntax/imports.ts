import { Node, SyntaxKind, ts, type CallExpression, type Expression, type SourceFile } from 'ts-morph';
import type { NodeIndex } from './node-index';

/**
 * What a local name was imported as. `name` is the export path inside the module: '' for the module's
 * main export (a default import, `import * as`, `require(...)` — the same object for the CommonJS
 * packages this tool reads), else the named export (`Router`, `Entity`).
 */
export interface ImportBinding {
  module: string;
  name: string;
}

export type ImportTable = ReadonlyMap<string, ImportBinding>;

/** A reference resolved to a module export, e.g. `express.static` → { module: 'express', name: 'static' }. */
export interface ModuleReference {
  module: string;
  name: string;
}

/** Every import of the file: ES imports, `import x = require()`, and `require()` bound to a name. */
export function importTable(source: SourceFile, index: NodeIndex): ImportTable {
  const table = new Map<string, ImportBinding>();
  for (const declaration of source.getImportDeclarations()) {
    // Read from the tree: a half-typed `import x from` has no string literal yet.
    const specifier = declaration.compilerNode.moduleSpecifier;
    if (!ts.isStringLiteral(specifier)) continue;
    const module = specifier.text;
    const defaultImport = declaration.getDefaultImport();
    if (defaultImport) table.set(defaultImport.getText(), { module, name: '' });
    const namespace = declaration.getNamespaceImport();
    if (namespace) table.set(namespace.getText(), { module, name: '' });
    for (const named of declaration.getNamedImports()) {
      const imported = named.getNameNode().getText();
      const local = named.getAliasNode()?.getText() ?? imported;
      table.set(local, { module, name: imported === 'default' ? '' : imported });
    }
  }
  for (const declaration of index.of(SyntaxKind.ImportEqualsDeclaration)) {
    const reference = declaration.getModuleReference();
    if (Node.isExternalModuleReference(reference)) {
      const module = reference.getExpression();
      if (module && Node.isStringLiteral(module)) table.set(declaration.getName(), { module: module.getLiteralValue(), name: '' });
    }
  }
  for (const declaration of index.of(SyntaxKind.VariableDeclaration)) {
    const initializer = declaration.getInitializer();
    const required = initializer ? requiredExport(initializer) : undefined;
    if (!required) continue;
    const binding = declaration.getNameNode();
    if (Node.isIdentifier(binding)) table.set(binding.getText(), required);
    else if (Node.isObjectBindingPattern(binding) && required.name === '') {
      for (const element of binding.getElements()) {
        const imported = element.getPropertyNameNode()?.getText() ?? element.getName();
        table.set(element.getName(), { module: required.module, name: imported === 'default' ? '' : imported });
      }
    }
  }
  return table;
}

/** `require('m')` or `require('m').x.y` → the module and export path. */
export function requiredExport(expression: Expression): ModuleReference | undefined {
  const members: string[] = [];
  let current: Node = unwrap(expression);
  while (Node.isPropertyAccessExpression(current)) {
    members.unshift(current.getName());
    current = unwrap(current.getExpression());
  }
  if (!Node.isCallExpression(current)) return undefined;
  const callee = current.getExpression();
  const [argument] = current.getArguments();
  if (!Node.isIdentifier(callee) || callee.getText() !== 'require' || !argument || !Node.isStringLiteral(argument)) return undefined;
  return { module: argument.getLiteralValue(), name: exportPath('', members) };
}

/** Resolves `name`, `name.a.b` or `require('m').a` to the module export it refers to. */
export function resolveReference(expression: Node, imports: ImportTable): ModuleReference | undefined {
  const members: string[] = [];
  let current: Node = unwrap(expression);
  while (Node.isPropertyAccessExpression(current)) {
    members.unshift(current.getName());
    current = unwrap(current.getExpression());
  }
  if (Node.isIdentifier(current)) {
    const binding = imports.get(current.getText());
    return binding ? { module: binding.module, name: exportPath(binding.name, members) } : undefined;
  }
  if (Node.isCallExpression(current)) {
    const required = requiredExport(current as Expression);
    return required ? { module: required.module, name: exportPath(required.name, members) } : undefined;
  }
  return undefined;
}

/**
 * `factory(...)` or `await factory(...)`, the way an app is made (`fastify()`, `await NestFactory.create(AppModule)`): the call and what
 * it calls.
 */
export function factoryCall(
  initializer: Node | undefined,
  imports: ImportTable,
): { call: CallExpression; reference?: ModuleReference } | undefined {
  let call = initializer ? unwrap(initializer) : undefined;
  if (call && Node.isAwaitExpression(call)) call = unwrap(call.getExpression());
  if (!call || !Node.isCallExpression(call)) return undefined;
  const reference = resolveReference(call.getExpression(), imports);
  return { call, ...(reference ? { reference } : {}) };
}

function exportPath(base: string, members: readonly string[]): string {
  // `require('m').default` and `ns.default` are the main export of an ES module compiled to CommonJS.
  const rest = base === '' && members[0] === 'default' ? members.slice(1) : members;
  return [base, ...rest].filter(Boolean).join('.');
}

/** Strips what does not change a value: parentheses, `as`, `satisfies`, `!`, `<T>x`. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    if (
      Node.isParenthesizedExpression(current) ||
      Node.isAsExpression(current) ||
      Node.isSatisfiesExpression(current) ||
      Node.isNonNullExpression(current) ||
      Node.isTypeAssertion(current)
    ) {
      current = current.getExpression();
    } else {
      return current;
    }
  }
}
