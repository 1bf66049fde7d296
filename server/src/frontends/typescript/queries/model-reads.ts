// Active-record style reads that run once per element of a loop: Sequelize `Model.findByPk/findOne/
// findAll/count(...)` and association getters on the loop's element (`post.getAuthor()`), Mongoose
// `Model.findById/findOne/find/countDocuments(...)`. Neither batches anything. A call is emitted for
// each ORM whose method it is; the rules keep it only if the receiver is a model of that ORM.
import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { PerRowQuery, Stack } from '../../../model/types';
import { enclosingLoop } from './loops';
import { sequelizeListQuery } from './list-queries';
import { lookupOf, perRowLookup } from './per-row-lookups';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';

const READS: Partial<Record<Stack, Set<string>>> = {
  sequelize: new Set(['findByPk', 'findOne', 'findAll', 'count', 'findAndCountAll', 'findOrCreate', 'sum', 'max', 'min']),
  mongoose: new Set(['findById', 'findOne', 'find', 'countDocuments', 'exists', 'findOneAndUpdate', 'findByIdAndUpdate']),
};

const MIKRO_READS = new Set(['find', 'findOne', 'findOneOrFail', 'count', 'findAndCount', 'findAll']);

/** `Model.findAll(...)` as a read of each active-record ORM with that method (the rules keep the ORM the model is of). */
export function activeRecordReads(call: CallExpression): { stack: Stack; model: string; method: string; call: string }[] {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return [];
  const receiver = callee.getExpression();
  if (!Node.isIdentifier(receiver) || !/^[A-Z]/.test(receiver.getText())) return [];
  const method = callee.getName();
  return (Object.keys(READS) as Stack[])
    .filter((stack) => READS[stack]!.has(method))
    .map((stack) => ({ stack, model: receiver.getText(), method, call: `${receiver.getText()}.${method}()` }));
}

export function extractModelReads(index: NodeIndex, locator: Locator): PerRowQuery[] {
  const queries: PerRowQuery[] = [];
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const method = callee.getName();
    const receiver = callee.getExpression();
    const stacks =
      Node.isIdentifier(receiver) && /^[A-Z]/.test(receiver.getText())
        ? (Object.keys(READS) as Stack[]).filter((stack) => READS[stack]!.has(method))
        : [];
    const getter = /^get[A-Z]/.test(method) && Node.isIdentifier(receiver) && call.getArguments().length <= 1;
    // Mongoose `doc.populate('author')` on the loop's element: one query per document.
    if (method === 'populate' && Node.isIdentifier(receiver)) {
      const loop = enclosingLoop(call);
      if (loop && loop.variable === receiver.getText())
        queries.push({
          stack: 'mongoose',
          model: 'populate',
          call: `${receiver.getText()}.populate()`,
          method,
          location: locator.of(call),
          loop: locator.of(loop.node),
          loopKind: loop.kind,
        });
      continue;
    }
    // MikroORM: `em.findOne(Author, id)`, `this.em.find(Book, {...})`: the entity is the first argument.
    const entity = call.getArguments()[0];
    if (MIKRO_READS.has(method) && /(^|\.)em$/.test(receiver.getText()) && entity && Node.isIdentifier(entity)) {
      const loop = enclosingLoop(call);
      if (loop)
        queries.push({
          stack: 'mikro-orm',
          model: entity.getText(),
          call: `${receiver.getText()}.${method}()`,
          method,
          location: locator.of(call),
          loop: locator.of(loop.node),
          loopKind: loop.kind,
        });
      continue;
    }
    if (stacks.length === 0 && !getter) continue;
    if (
      call
        .getArguments()
        .some((argument) => argument.getDescendantsOfKind(SyntaxKind.ComputedPropertyName).some((name) => /Op\.in\b/.test(name.getText())))
    )
      continue;
    const loop = enclosingLoop(call);
    // A getter counts only on the loop's own element: `post.getAuthor()` inside `for (const post of posts)`.
    if (!loop || (getter && loop.variable !== receiver.getText())) continue;
    const base = {
      call: `${receiver.getText()}.${method}()`,
      method,
      location: locator.of(call),
      loop: locator.of(loop.node),
      loopKind: loop.kind,
    };
    for (const stack of stacks) {
      const lookup = stack === 'sequelize' ? perRowLookup(call, loop, stack, receiver.getText(), locator, sequelizeListQuery) : undefined;
      queries.push({ stack, model: receiver.getText(), ...base, ...lookupOf(lookup) });
    }
    // For a getter the model is not known here: the association name is, and the rule resolves it.
    if (getter)
      queries.push({
        stack: 'sequelize',
        model: `association:${method.slice(3)}`,
        ...base,
        ...lookupOf(perRowLookup(call, loop, 'sequelize', method.slice(3), locator, sequelizeListQuery)),
      });
  }
  return queries;
}
