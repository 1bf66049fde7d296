// Names for the functions of one file, so that calls can point at them: `helper`, `Class.method`, and for a
// closure its enclosing function's id before its own name (`Outer.inner`, `Class.method.visit`). Anonymous
// callbacks have no id: what they run belongs to the function they are written in.
import { Node } from 'ts-morph';

/** The id of a named function, method, or function bound to a `const` or a class field; undefined for an anonymous one. */
export function functionId(fn: Node): string | undefined {
  const own = ownName(fn);
  if (own === undefined) return undefined;
  if (own.className) return `${own.className}.${own.name}`;
  const outer = enclosingNamedFunction(fn);
  const outerId = outer ? functionId(outer) : undefined;
  return outerId ? `${outerId}.${own.name}` : own.name;
}

/** The nearest function around a node that has an id (anonymous callbacks in between are skipped). */
export function enclosingNamedFunction(node: Node): Node | undefined {
  for (let current = node.getParent(); current; current = current.getParent()) {
    if (isFunction(current) && ownName(current)) return current;
    if (Node.isClassDeclaration(current) || Node.isClassExpression(current)) return undefined;
  }
  return undefined;
}

export function isFunction(node: Node): boolean {
  return (
    Node.isFunctionDeclaration(node) ||
    Node.isMethodDeclaration(node) ||
    Node.isArrowFunction(node) ||
    Node.isFunctionExpression(node) ||
    Node.isGetAccessorDeclaration(node)
  );
}

function ownName(fn: Node): { name: string; className?: string } | undefined {
  if (Node.isMethodDeclaration(fn) || Node.isGetAccessorDeclaration(fn)) {
    const owner = fn.getParent();
    return Node.isClassDeclaration(owner) && owner.getName() ? { name: fn.getName(), className: owner.getName() } : undefined;
  }
  if (Node.isFunctionDeclaration(fn)) return fn.getName() ? { name: fn.getName()! } : undefined;
  if (!Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn)) return undefined;
  let holder = fn.getParent();
  while (holder && (Node.isParenthesizedExpression(holder) || Node.isAsExpression(holder))) holder = holder.getParent();
  if (Node.isVariableDeclaration(holder) && Node.isIdentifier(holder.getNameNode())) return { name: holder.getName() };
  if (Node.isPropertyDeclaration(holder)) {
    const owner = holder.getParent();
    return Node.isClassDeclaration(owner) && owner.getName() ? { name: holder.getName(), className: owner.getName() } : undefined;
  }
  return undefined;
}
