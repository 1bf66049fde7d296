// TypeORM reads that run once per element of a loop: repository, manager and Active Record calls and
// QueryBuilders run inside a loop body or an iterating callback, and lazy relations awaited per element. TypeORM
// batches nothing, so each is one round trip per element. The entity behind a repository is found
// syntactically: `getRepository(User)`, `@InjectRepository(User)`, `Repository<User>`.
import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { PerRowQuery, PerRowRelationLoad } from '../../../model/types';
import { type ListQueryReader, listCall, listLoadRecipe, relationsNamed } from './list-queries';
import { enclosingLoop, type EnclosingLoop } from './loops';
import { lookupOf, perRowLookup } from './per-row-lookups';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';
import { entityOfRepository } from './typeorm-repositories';
import { joinsAndSelects, mainEntity, readsASet, runs, type QueryBuilder, type QueryBuilders } from './typeorm-query-builders';

const READS = new Set([
  'find',
  'findBy',
  'findOne',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findAndCount',
  'findAndCountBy',
  'count',
  'countBy',
  'exists',
  'existsBy',
  'exist',
  'sum',
  'average',
  'minimum',
  'maximum',
  'findByIds',
  'findOneById',
]);

export interface TypeormQueryFacts {
  queries: PerRowQuery[];
  loads: PerRowRelationLoad[];
  databases: string[];
}

export function extractTypeormQueries(index: NodeIndex, locator: Locator, builders: QueryBuilders): TypeormQueryFacts {
  const facts: TypeormQueryFacts = { queries: [], loads: [], databases: [] };
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const read = readQuery(call) ?? relationLoad(call);
    if (!read || setBased(call)) continue;
    const loop = enclosingLoop(call);
    if (!loop) continue;
    facts.queries.push({
      ...perRowQuery(call, loop, read.entity, shorten(read.receiver), locator),
      ...lookupOf(perRowLookup(call, loop, 'typeorm', read.entity, locator, typeormListQuery)),
    });
  }
  for (const builder of builders.all) {
    const entity = mainEntity(builder);
    const created = builder.root.getExpression();
    if (!entity || !Node.isPropertyAccessExpression(created) || created.getName() !== 'createQueryBuilder') continue;
    if (readsASet(builder) || builder.calls.some(setBased)) continue;
    for (const run of runs(builder)) {
      const loop = enclosingLoop(run);
      if (!loop) continue;
      facts.queries.push({
        ...perRowQuery(run, loop, entity, `${shorten(created.getExpression())}.createQueryBuilder()`, locator),
        queryBuilder: true,
      });
    }
  }
  for (const awaited of index.of(SyntaxKind.AwaitExpression)) {
    const access = awaited.getExpression();
    if (!Node.isPropertyAccessExpression(access) || !Node.isIdentifier(access.getExpression())) continue;
    const loop = enclosingLoop(awaited);
    const row = access.getExpression().getText();
    if (!loop || loop.variable !== row || !loop.iterated) continue;
    const relation = access.getName();
    const list = listQueryOf(loop.iterated, builders);
    if (
      !list ||
      (list.builder
        ? joinsAndSelects(list.builder, relation)
        : relationsNamed(list.call, 'typeorm', locator, typeormListQuery).includes(relation))
    )
      continue;
    // The fix edits the list's query only where it is the loop function's own `const` (see listLoadRecipe).
    const join = list.builder && listCall(loop.iterated, loop.node) ? joinRecipe(list.builder, relation, locator) : undefined;
    const listQuery = list.builder ? undefined : listLoadRecipe(loop.iterated, loop.node, 'typeorm', locator, typeormListQuery);
    facts.loads.push({
      stack: 'typeorm',
      model: list.entity,
      relation,
      location: locator.of(awaited),
      loop: locator.of(loop.node),
      ...(listQuery ? { listQuery } : {}),
      ...(join ? { join } : {}),
    });
  }
  for (const created of index.of(SyntaxKind.NewExpression)) {
    if (created.getExpression().getText() !== 'DataSource') continue;
    const options = created.getArguments()[0];
    const type = Node.isObjectLiteralExpression(options) ? options.getProperty('type') : undefined;
    const value = Node.isPropertyAssignment(type) ? type.getInitializer() : undefined;
    if (value && Node.isStringLiteral(value)) facts.databases.push(value.getLiteralValue());
  }
  return facts;
}

/** A read of `model` run once per element of `loop`, shown in messages as `receiver.method()` (`users.findOneBy()`). */
function perRowQuery(call: CallExpression, loop: EnclosingLoop, model: string, receiver: string, locator: Locator): PerRowQuery {
  const callee = call.getExpression();
  const method = Node.isPropertyAccessExpression(callee) ? callee.getName() : '';
  return {
    stack: 'typeorm',
    model,
    call: `${receiver}.${method}()`,
    method,
    location: locator.of(call),
    loop: locator.of(loop.node),
    loopKind: loop.kind,
  };
}

export interface Read {
  entity: string;
  method: string;
  receiver: Node;
}

/** A repository read as the list queries see it: its entity and method. */
const typeormListQuery: ListQueryReader = (call) => {
  const read = readQuery(call);
  return read ? { model: read.entity, method: read.method } : undefined;
};

export function readQuery(call: CallExpression): Read | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !READS.has(callee.getName())) return undefined;
  const receiver = callee.getExpression();
  const method = callee.getName();
  const repository = entityOfRepository(receiver);
  if (repository) return { entity: repository, method, receiver };
  // `manager.findOneBy(User, ...)`: the entity is the first argument.
  const first = call.getArguments()[0];
  if (/manager$/i.test(receiver.getText()) && first && Node.isIdentifier(first)) return { entity: first.getText(), method, receiver };
  // Active Record: `User.findOneBy(...)` (the rule keeps it only if User is a known entity).
  if (Node.isIdentifier(receiver) && /^[A-Z]/.test(receiver.getText())) return { entity: receiver.getText(), method, receiver };
  return undefined;
}

/** `qb.relation(Post, 'categories').of(post).loadMany()`: one query for one entity's relation. */
function relationLoad(call: CallExpression): Read | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !['loadMany', 'loadOne'].includes(callee.getName())) return undefined;
  const of = callee.getExpression();
  const ofCallee = Node.isCallExpression(of) ? of.getExpression() : undefined;
  const relation = ofCallee && Node.isPropertyAccessExpression(ofCallee) ? ofCallee.getExpression() : undefined;
  if (!relation || !Node.isCallExpression(relation)) return undefined;
  const relationCallee = relation.getExpression();
  const entity = relation.getArguments()[0];
  if (!Node.isPropertyAccessExpression(relationCallee) || relationCallee.getName() !== 'relation' || !entity || !Node.isIdentifier(entity))
    return undefined;
  return { entity: entity.getText(), method: callee.getName(), receiver: relationCallee.getExpression() };
}

interface ListQuery {
  call: CallExpression;
  entity: string;
  /** A QueryBuilder's `getMany()`: the builder. */
  builder?: QueryBuilder;
}

/** The query that produced a list: `const posts = await repo.find(...)`, or `await qb.getMany()`. */
function listQueryOf(node: Node, builders: QueryBuilders): ListQuery | undefined {
  const call = listCall(node);
  const read = call && readQuery(call);
  if (!call || read) return read ? { call, entity: read.entity } : undefined;
  const callee = call.getExpression();
  const builder = Node.isPropertyAccessExpression(callee) && callee.getName() === 'getMany' ? builders.on(call) : undefined;
  const entity = builder && mainEntity(builder);
  return builder && entity ? { call, entity, builder } : undefined;
}

/** Where `.leftJoinAndSelect('p.category', 'category')` goes: right after `createQueryBuilder('p')`, unless the alias is taken. */
function joinRecipe(builder: QueryBuilder, relation: string, locator: Locator): PerRowRelationLoad['join'] {
  if (builder.mainAlias === undefined || builder.aliases.has(relation) || builder.root.getArguments().length === 0) return undefined;
  return { at: locator.position(builder.root.getEnd()), alias: builder.mainAlias };
}

/** `In(ids)` or `{ in: ids }`: one query for a whole set, the cure rather than the disease. */
function setBased(call: CallExpression): boolean {
  return call
    .getArguments()
    .some((argument) =>
      argument
        .getDescendants()
        .some(
          (node) =>
            (Node.isCallExpression(node) && node.getExpression().getText() === 'In') ||
            (Node.isPropertyAssignment(node) && node.getName() === 'in'),
        ),
    );
}

function shorten(node: Node): string {
  const text = node.getText().replace(/\s+/g, '');
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
