// TypeORM reads that run once per element of a loop: repository, manager and Active Record calls and
// QueryBuilders run inside a loop body or an iterating callback, and lazy relations awaited per element. TypeORM
// batches nothing, so each is one round trip per element. The entity behind a repository is found
// syntactically: `getRepository(User)`, `@InjectRepository(User)`, `Repository<User>`.
import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { PerRowQuery, PerRowRelationLoad } from '../../model/types';
import { listCall, listLoadRecipe, relationsNamed } from './list-queries';
import { enclosingLoop, type EnclosingLoop } from './loops';
import { lookupOf, perRowLookup } from './per-row-lookups';
import type { NodeIndex } from './node-index';
import type { Locator } from './source';
import { joinsAndSelects, mainEntity, readsASet, runs, type QueryBuilder, type QueryBuilders } from './typeorm-query-builders';

const READS = new Set([
  'find', 'findBy', 'findOne', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'findAndCount', 'findAndCountBy', 'count',
  'countBy', 'exists', 'existsBy', 'exist', 'sum', 'average', 'minimum', 'maximum', 'findByIds', 'findOneById',
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
      ...lookupOf(perRowLookup(call, loop, 'typeorm', read.entity, locator)),
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
      facts.queries.push({ ...perRowQuery(run, loop, entity, `${shorten(created.getExpression())}.createQueryBuilder()`, locator), queryBuilder: true });
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
    if (!list || (list.builder ? joinsAndSelects(list.builder, relation) : relationsNamed(list.call, 'typeorm', locator).includes(relation))) continue;
    // The fix edits the list's query only where it is the loop function's own `const` (see listLoadRecipe).
    const join = list.builder && listCall(loop.iterated, loop.node) ? joinRecipe(list.builder, relation, locator) : undefined;
    const listQuery = list.builder ? undefined : listLoadRecipe(loop.iterated, loop.node, 'typeorm', locator);
    facts.loads.push({ stack: 'typeorm', model: list.entity, relation, location: locator.of(awaited), loop: locator.of(loop.node), ...(listQuery ? { listQuery } : {}), ...(join ? { join } : {}) });
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
  return { stack: 'typeorm', model, call: `${receiver}.${method}()`, method, location: locator.of(call), loop: locator.of(loop.node), loopKind: loop.kind };
}

export interface Read {
  entity: string;
  method: string;
  receiver: Node;
}

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
  if (!Node.isPropertyAccessExpression(relationCallee) || relationCallee.getName() !== 'relation' || !entity || !Node.isIdentifier(entity)) return undefined;
  return { entity: entity.getText(), method: callee.getName(), receiver: relationCallee.getExpression() };
}

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

/** Without a type checker, a name's declarations are the variables and parameters of that name in the file. */
export function declarationsNamed(identifier: Node): Node[] {
  const source = identifier.getSourceFile();
  let byName = declarationCache.get(source);
  if (!byName) {
    byName = new Map();
    for (const declaration of [...source.getDescendantsOfKind(SyntaxKind.VariableDeclaration), ...source.getDescendantsOfKind(SyntaxKind.Parameter)]) {
      const name = declaration.getName();
      byName.set(name, [...(byName.get(name) ?? []), declaration]);
    }
    declarationCache.set(source, byName);
  }
  return byName.get(identifier.getText()) ?? [];
}

/**
 * The declarations a use can see, nearest first: those in a function that encloses the use (or at
 * module level), declared before it. Several functions often reuse one name (`posts`).
 */
export function inScope(use: Node, declarations: Node[]): Node[] {
  const at = use.getStart();
  const visible = declarations.filter((declaration) => {
    const scope = declaration.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor) || Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor));
    return !scope || (scope.getStart() <= at && at <= scope.getEnd());
  });
  return visible.sort((a, b) => Math.abs(at - a.getStart()) - Math.abs(at - b.getStart()));
}

/** Each analysis parses a fresh SourceFile; its declarations are collected once. */
const declarationCache = new WeakMap<object, Map<string, Node[]>>();

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
  return call.getArguments().some((argument) =>
    argument.getDescendants().some(
      (node) => (Node.isCallExpression(node) && node.getExpression().getText() === 'In') || (Node.isPropertyAssignment(node) && node.getName() === 'in'),
    ),
  );
}

function shorten(node: Node): string {
  const text = node.getText().replace(/\s+/g, '');
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
