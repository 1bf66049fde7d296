// Express apps held in a class field (`app = express()`, or `this.app = express()` in a constructor) and
// used as `this.app.use(...)`: the server classes of many real projects (`class App { async config() {
// this.app.use(...) } }`). Their registrations are read as one chain only when one member of the class
// (a method or the constructor) makes them all: across methods, the order they run in is the order the
// methods are called, which reading one class body does not give.
import { Node, SyntaxKind, type ClassDeclaration } from 'ts-morph';
import type { NodeIndex } from '../syntax/node-index';

/** A class field that an app is created into. */
export interface ClassFieldApp {
  /** Unique within the file, and never an identifier (the file's app variables share the map). */
  key: string;
  /** `this.app`. */
  name: string;
  declaration: Node;
  initializer: Node;
}

/** The fields of the file's classes that are given a value (`app = …` or `this.app = …`), with that value. */
export function classFieldAssignments(index: NodeIndex): ClassFieldApp[] {
  const found: ClassFieldApp[] = [];
  for (const cls of index.of(SyntaxKind.ClassDeclaration)) {
    for (const property of cls.getProperties()) {
      const initializer = property.getInitializer();
      if (initializer && !property.isStatic())
        found.push({ key: keyOf(cls, property.getName()), name: `this.${property.getName()}`, declaration: property, initializer });
    }
  }
  for (const assignment of index.of(SyntaxKind.BinaryExpression)) {
    if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
    const field = thisField(assignment.getLeft());
    if (field) found.push({ key: field.key, name: `this.${field.name}`, declaration: assignment, initializer: assignment.getRight() });
  }
  return found;
}

/**
 * `this.app` where `this` is an instance of the enclosing class: in one of its methods, accessors, its
 * constructor or a field initializer, arrow functions included (they keep `this`), and not inside a
 * `function` (which has a `this` of its own). With the member it is read in.
 */
export function thisField(expression: Node): { key: string; name: string; member: Node } | undefined {
  if (!Node.isPropertyAccessExpression(expression) || expression.getExpression().getKind() !== SyntaxKind.ThisKeyword) return undefined;
  for (let node = expression.getParent(); node; node = node.getParent()) {
    if (Node.isArrowFunction(node)) continue;
    if (Node.isFunctionExpression(node) || Node.isFunctionDeclaration(node)) return undefined;
    if (
      Node.isMethodDeclaration(node) ||
      Node.isConstructorDeclaration(node) ||
      Node.isGetAccessorDeclaration(node) ||
      Node.isSetAccessorDeclaration(node) ||
      Node.isPropertyDeclaration(node)
    ) {
      const cls = node.getParent();
      if (!Node.isClassDeclaration(cls) || (Node.isMethodDeclaration(node) && node.isStatic())) return undefined;
      return { key: keyOf(cls, expression.getName()), name: expression.getName(), member: node };
    }
  }
  return undefined;
}

function keyOf(cls: ClassDeclaration, field: string): string {
  return `#${cls.getPos()}.${field}`;
}
