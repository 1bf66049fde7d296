// Which project function a call names, by binding, from one file's syntax: a function or closure in
// scope, an imported function, a method of the enclosing class (`this.m()`, `super.m()`), a method of
// the class a field, an injected constructor parameter or a variable is declared with (`this.users.find()`
// with `private users: UsersService`), or a static method of a class. A call whose receiver has no
// declared class (`new Big(x).add()` aside, which names Big) is not resolved: `set.add()`,
// `Promise.resolve()`, `queue.add()` on a library type and `dataProvider.getQuotes()` on an interface stay
// unlinked, since the link phase finds no project class of that name behind them.
import { Node, SyntaxKind, type CallExpression, type ClassDeclaration } from 'ts-morph';
import type { CallTarget } from '../../../model/types';
import { unwrap, type ImportTable } from '../syntax/imports';
import { declarationsNamed, inScope } from '../syntax/scopes';
import { functionId } from './function-ids';

export function callTarget(call: CallExpression, imports: ImportTable): CallTarget | undefined {
  const callee = unwrap(call.getExpression());
  if (Node.isIdentifier(callee)) return functionNamed(callee, imports);
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const member = callee.getName();
  const receiver = unwrap(callee.getExpression());
  if (receiver.getKind() === SyntaxKind.ThisKeyword) {
    const owner = thisClass(receiver);
    return owner?.getName() ? { name: owner.getName()!, member } : undefined;
  }
  if (receiver.getKind() === SyntaxKind.SuperKeyword) {
    const base = thisClass(receiver)?.getExtends()?.getExpression();
    return base && Node.isIdentifier(base) ? withMember(classNamed(base, imports), member) : undefined;
  }
  return withMember(classOfValue(receiver, imports), member) ?? namespaceMember(receiver, member, imports);
}

function withMember(target: CallTarget | undefined, member: string): CallTarget | undefined {
  return target ? { ...target, member } : undefined;
}

/** `helper()`: a function or closure in scope in this file, else an imported function. */
function functionNamed(identifier: Node, imports: ImportTable): CallTarget | undefined {
  const declaration = inScope(identifier, declarationsNamed(identifier))[0];
  if (declaration) {
    const value = Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
    const fn = value && unwrap(value);
    const id = fn && (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) ? functionId(fn) : undefined;
    return id ? { name: id } : undefined;
  }
  const local = localFunction(identifier);
  if (local) {
    const id = functionId(local);
    return id ? { name: id } : undefined;
  }
  const imported = imports.get(identifier.getText());
  return imported ? { module: imported.module, name: imported.name || 'default' } : undefined;
}

/** A function declaration of that name in scope: the nearest enclosing block's, else the file's. */
function localFunction(identifier: Node): Node | undefined {
  const name = identifier.getText();
  for (let scope = identifier.getParent(); scope; scope = scope.getParent()) {
    if (!Node.isBlock(scope) && !Node.isSourceFile(scope) && !Node.isModuleBlock(scope)) continue;
    const found = scope.getStatements().find((statement) => Node.isFunctionDeclaration(statement) && statement.getName() === name);
    if (found) return found;
  }
  return undefined;
}

/** The class `this` is an instance of: the class of the method, constructor, accessor or field initializer it is in. */
function thisClass(node: Node): ClassDeclaration | undefined {
  for (let current = node.getParent(); current; current = current.getParent()) {
    // Arrow functions keep the `this` of where they are written; other functions have their own.
    if (Node.isFunctionDeclaration(current) || Node.isFunctionExpression(current)) return undefined;
    if (Node.isClassDeclaration(current)) return current;
    if (Node.isClassExpression(current)) return undefined;
  }
  return undefined;
}

/** The class a value is an instance of, or the class itself for a static call: from declarations only. */
function classOfValue(value: Node, imports: ImportTable): CallTarget | undefined {
  if (Node.isNewExpression(value)) {
    const made = value.getExpression();
    return Node.isIdentifier(made) ? classNamed(made, imports) : undefined;
  }
  if (Node.isPropertyAccessExpression(value) && unwrap(value.getExpression()).getKind() === SyntaxKind.ThisKeyword) {
    const owner = thisClass(value);
    const name = value.getName();
    const field =
      owner?.getProperty(name) ??
      owner
        ?.getConstructors()
        .flatMap((c) => c.getParameters())
        .find((p) => p.getName() === name && p.isParameterProperty());
    return field ? declaredClass(field, imports) : undefined;
  }
  if (!Node.isIdentifier(value)) return undefined;
  const declaration = inScope(value, declarationsNamed(value))[0];
  if (declaration) return declaredClass(declaration, imports);
  // A class itself: `UserService.create()` (static), imported or declared here.
  if (/^[A-Z]/.test(value.getText())) return classNamed(value, imports);
  return undefined;
}

/** The class a variable, parameter or field is declared as (`x: UsersService`) or made from (`= new UsersService()`). */
function declaredClass(declaration: Node, imports: ImportTable): CallTarget | undefined {
  const type =
    Node.isTyped(declaration) || Node.isParameterDeclaration(declaration) || Node.isPropertyDeclaration(declaration)
      ? declaration.getTypeNode()
      : undefined;
  if (type) {
    if (!Node.isTypeReference(type)) return undefined;
    const name = type.getTypeName();
    return Node.isIdentifier(name) ? classNamed(name, imports) : undefined;
  }
  const initializer =
    Node.isVariableDeclaration(declaration) || Node.isPropertyDeclaration(declaration) ? declaration.getInitializer() : undefined;
  const value = initializer ? unwrap(initializer) : undefined;
  return value && Node.isNewExpression(value) ? classOfValue(value, imports) : undefined;
}

/** A class name: imported (by the name it is exported under), or declared in this file. */
export function classNamed(identifier: Node, imports: ImportTable): CallTarget | undefined {
  const imported = imports.get(identifier.getText());
  if (imported) return imported.name.includes('.') ? undefined : { module: imported.module, name: imported.name || 'default' };
  const local = identifier.getSourceFile().getClass(identifier.getText());
  return local ? { name: identifier.getText() } : undefined;
}

/** `helpers.f()` with `import * as helpers from './helpers'`: the module's function `f`. */
function namespaceMember(receiver: Node, member: string, imports: ImportTable): CallTarget | undefined {
  if (!Node.isIdentifier(receiver)) return undefined;
  const imported = imports.get(receiver.getText());
  return imported && imported.name === '' && inScope(receiver, declarationsNamed(receiver)).length === 0
    ? { module: imported.module, name: member }
    : undefined;
}
