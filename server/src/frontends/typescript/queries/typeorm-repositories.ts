// Which entity a TypeORM repository expression serves: `getRepository(User)`, a variable or class field
// declared `Repository<User>` or injected with `@InjectRepository(User)`.
import { Node, SyntaxKind } from 'ts-morph';
import { declarationsNamed, inScope } from '../syntax/scopes';

/** The entity of a repository expression, or undefined. */
export function entityOfRepository(node: Node): string | undefined {
  if (Node.isCallExpression(node)) {
    const callee = node.getExpression();
    const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
    const argument = node.getArguments()[0];
    return name === 'getRepository' && argument && Node.isIdentifier(argument) ? argument.getText() : undefined;
  }
  if (Node.isAwaitExpression(node) || Node.isParenthesizedExpression(node)) return entityOfRepository(node.getExpression());
  if (Node.isIdentifier(node)) {
    for (const declaration of inScope(node, declarationsNamed(node))) {
      const found = fromDeclaration(declaration);
      if (found) return found;
    }
    return undefined;
  }
  if (Node.isPropertyAccessExpression(node) && node.getExpression().getKind() === SyntaxKind.ThisKeyword) {
    const owner = node.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
    const name = node.getName();
    const property = owner?.getProperty(name);
    if (property) return fromDeclaration(property);
    const parameter = owner?.getConstructors()[0]?.getParameter(name);
    return parameter ? fromDeclaration(parameter) : undefined;
  }
  return undefined;
}

function fromDeclaration(declaration: Node): string | undefined {
  // `@InjectRepository(User)`
  if (Node.isDecoratable(declaration)) {
    for (const decorator of declaration.getDecorators()) {
      const argument = decorator.getArguments()[0];
      if (decorator.getName() === 'InjectRepository' && argument && Node.isIdentifier(argument)) return argument.getText();
    }
  }
  // `Repository<User>`
  const type = Node.isTyped(declaration) ? declaration.getTypeNode() : undefined;
  if (type && Node.isTypeReference(type) && type.getTypeName().getText() === 'Repository') {
    const argument = type.getTypeArguments()[0];
    if (argument) return argument.getText();
  }
  // `const users = dataSource.getRepository(User)`
  const initializer = Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
  return initializer ? entityOfRepository(initializer) : undefined;
}
