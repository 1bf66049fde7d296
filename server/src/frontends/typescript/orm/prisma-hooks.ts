// Prisma's hooks for the Signals view: query extensions (`prisma.$extends({ query: { user: {
// findMany() {...} } } })`, per model and operation, `$allModels`, `$allOperations`) and the legacy
// `$use` middleware (deprecated in 4.16, removed in 6.14).
import { Node, SyntaxKind } from 'ts-morph';
import type { SignalDecl } from '../../../model/types';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';

export function extractPrismaHooks(index: NodeIndex, locator: Locator): SignalDecl[] {
  const hooks: SignalDecl[] = [];
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const client = callee.getExpression().getText();
    if (callee.getName() === '$use') {
      hooks.push({ signal: '$use (legacy middleware)', handler: `${client}.$use`, stack: 'prisma', location: locator.of(call) });
      continue;
    }
    if (callee.getName() !== '$extends') continue;
    const options = call.getArguments()[0];
    const query = Node.isObjectLiteralExpression(options) ? options.getProperty('query') : undefined;
    const models = Node.isPropertyAssignment(query) ? query.getInitializer() : undefined;
    if (!models || !Node.isObjectLiteralExpression(models)) continue;
    for (const entry of models.getProperties()) {
      const name = Node.isPropertyAssignment(entry) || Node.isMethodDeclaration(entry) ? entry.getName() : undefined;
      if (!name) continue;
      const operations = Node.isPropertyAssignment(entry) ? entry.getInitializer() : undefined;
      // `$allOperations(...)` at the top applies to every model.
      if (!operations || !Node.isObjectLiteralExpression(operations)) {
        hooks.push({ signal: `query.${name}`, handler: `${client}.$extends`, stack: 'prisma', location: locator.of(entry) });
        continue;
      }
      for (const operation of operations.getProperties()) {
        const op = Node.isPropertyAssignment(operation) || Node.isMethodDeclaration(operation) ? operation.getName() : undefined;
        if (op)
          hooks.push({
            signal: `query.${op}`,
            ...(name === '$allModels' ? {} : { sender: name }),
            handler: `${client}.$extends`,
            stack: 'prisma',
            location: locator.of(operation),
          });
      }
    }
  }
  return hooks;
}
