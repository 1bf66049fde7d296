// Sequelize reads that run once per element of a loop: `Model.findByPk/findOne/findAll/count(...)`
// and association getters on the loop's element (`post.getAuthor()`). Sequelize batches nothing.
import { Node, SyntaxKind } from 'ts-morph';
import type { PerRowQuery } from '../../model/types';
import { enclosingLoop } from './loops';
import type { NodeIndex } from './node-index';
import type { Locator } from './source';

const READS = new Set(['findByPk', 'findOne', 'findAll', 'count', 'findAndCountAll', 'findOrCreate', 'sum', 'max', 'min']);

export function extractSequelizeQueries(index: NodeIndex, locator: Locator): PerRowQuery[] {
  const queries: PerRowQuery[] = [];
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const method = callee.getName();
    const receiver = callee.getExpression();
    const modelCall = READS.has(method) && Node.isIdentifier(receiver) && /^[A-Z]/.test(receiver.getText());
    const getter = /^get[A-Z]/.test(method) && Node.isIdentifier(receiver) && call.getArguments().length <= 1;
    if (!modelCall && !getter) continue;
    if (call.getArguments().some((argument) => argument.getDescendantsOfKind(SyntaxKind.ComputedPropertyName).some((name) => /Op\.in\b/.test(name.getText())))) continue;
    const loop = enclosingLoop(call);
    // A getter counts only on the loop's own element: `post.getAuthor()` inside `for (const post of posts)`.
    if (!loop || (getter && loop.variable !== receiver.getText())) continue;
    queries.push({
      stack: 'sequelize',
      // For a getter the model is not known here: the association name is, and the rule resolves it.
      model: modelCall ? receiver.getText() : `association:${method.slice(3)}`,
      call: `${receiver.getText()}.${method}()`,
      method,
      location: locator.of(call),
      loop: locator.of(loop.node),
      loopKind: loop.kind,
    });
  }
  return queries;
}
