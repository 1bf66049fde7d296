// What a hook, route handler, middleware or guard reads from the request that an earlier middleware
// must have put there: `session` (request.session, and passport's req.logIn, which writes to it) and
// `user` (request.user and req.isAuthenticated(), which passport.session() restores from the session).
import { Node, SyntaxKind } from 'ts-morph';
import { unwrap } from '../syntax/imports';

const READS: Record<string, string> = {
  session: 'session',
  user: 'user',
  isAuthenticated: 'user',
  logIn: 'session',
  login: 'session',
};

/**
 * The reads of `scope` through the request: the given parameter names, variables set from
 * `context.switchToHttp().getRequest()`, and `getRequest()` used directly.
 */
export function requestReads(scope: Node, requestNames: readonly string[]): string[] {
  const names = new Set([...requestNames, ...requestVariables(scope)]);
  const reads = new Set<string>();
  const isRequest = (node: Node) => {
    const value = unwrap(node);
    if (Node.isIdentifier(value)) return names.has(value.getText());
    return Node.isCallExpression(value) && calls(value, 'getRequest');
  };
  for (const access of scope.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)) {
    const read = READS[access.getName()];
    if (read && isRequest(access.getExpression())) reads.add(read);
  }
  for (const declaration of scope.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
    // `const { user } = request`
    const binding = declaration.getNameNode();
    const initializer = declaration.getInitializer();
    if (!Node.isObjectBindingPattern(binding) || !initializer || !isRequest(initializer)) continue;
    for (const element of binding.getElements()) {
      const read = READS[element.getPropertyNameNode()?.getText() ?? element.getName()];
      if (read) reads.add(read);
    }
  }
  // `await super.logIn(request)`: AuthGuard's logIn stores the user in the session.
  for (const call of scope.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (
      Node.isPropertyAccessExpression(callee) &&
      callee.getExpression().getKind() === SyntaxKind.SuperKeyword &&
      callee.getName() === 'logIn'
    )
      reads.add('session');
  }
  return [...reads].sort();
}

/** The first parameter's name of a function-like node (`(request, reply) => ...`), when it is a plain name. */
export function firstParameter(fn: Node): string | undefined {
  if (!Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn) && !Node.isFunctionDeclaration(fn) && !Node.isMethodDeclaration(fn))
    return undefined;
  const name = fn.getParameters()[0]?.getNameNode();
  return name && Node.isIdentifier(name) ? name.getText() : undefined;
}

function requestVariables(scope: Node): string[] {
  return scope.getDescendantsOfKind(SyntaxKind.VariableDeclaration).flatMap((declaration) => {
    const name = declaration.getNameNode();
    const initializer = declaration.getInitializer();
    let value = initializer ? unwrap(initializer) : undefined;
    if (value && Node.isAwaitExpression(value)) value = unwrap(value.getExpression());
    return Node.isIdentifier(name) && value && calls(value, 'getRequest') ? [name.getText()] : [];
  });
}

function calls(call: Node, method: string): boolean {
  if (!Node.isCallExpression(call)) return false;
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) && callee.getName() === method;
}
