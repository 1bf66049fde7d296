// TypeORM QueryBuilders and the aliases they name. A builder starts at `repo.createQueryBuilder('u')`
// (the repository's entity), `dataSource.createQueryBuilder(User, 'u')` or `.from(User, 'u')`; each
// join gives its alias the relation's target (`.leftJoinAndSelect('u.posts', 'p')`: `p` is what
// User.posts points at, resolved against the entities later, since they may live in another file).
// Its calls are chained, or made on a variable that holds it, or on the `qb` of `new Brackets(qb => ...)`.
import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { ColumnUsage } from '../../../model/types';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';
import { orderColumns, predicateColumns, setPredicate, type ColumnRef } from './sql-fragments';
import { declarationsNamed, inScope } from '../syntax/scopes';
import { entityOfRepository } from './typeorm-repositories';

/** What an alias stands for: the entity the path starts at, and the relations followed from it. */
export interface AliasTarget {
  entity: string;
  through: string[];
}

export interface QueryBuilder {
  /** The `createQueryBuilder(...)` (or `subQuery()`) call. */
  root: CallExpression;
  /** The main alias, when the builder names one. */
  mainAlias?: string;
  aliases: Map<string, AliasTarget>;
  /** The calls made on the builder, in source order. */
  calls: CallExpression[];
}

const ROOTS = new Set(['createQueryBuilder', 'subQuery']);
/** Join methods, with the position of their `alias.relation` (or entity) argument; the alias follows it, then the ON condition. */
const JOINS: ReadonlyMap<string, number> = new Map([
  ['leftJoin', 0],
  ['innerJoin', 0],
  ['leftJoinAndSelect', 0],
  ['innerJoinAndSelect', 0],
  ['leftJoinAndMapOne', 1],
  ['leftJoinAndMapMany', 1],
  ['innerJoinAndMapOne', 1],
  ['innerJoinAndMapMany', 1],
]);
const WHERES = new Set(['where', 'andWhere', 'orWhere']);
const ORDERS = new Set(['orderBy', 'addOrderBy']);
/** Methods that return the builder itself, so a chain goes on. */
const CHAINED = new Set([
  ...JOINS.keys(),
  ...WHERES,
  ...ORDERS,
  'whereInIds',
  'andWhereInIds',
  'orWhereInIds',
  'having',
  'andHaving',
  'orHaving',
  'groupBy',
  'addGroupBy',
  'select',
  'addSelect',
  'from',
  'addFrom',
  'distinct',
  'distinctOn',
  'skip',
  'take',
  'limit',
  'offset',
  'setParameter',
  'setParameters',
  'withDeleted',
  'cache',
  'setLock',
  'useTransaction',
  'comment',
  'useIndex',
  'maxExecutionTime',
  'clone',
  'loadRelationCountAndMap',
  'loadRelationIdAndMap',
  'setFindOptions',
]);
/** Methods that run the query. */
const TERMINALS = new Set([
  'getMany',
  'getOne',
  'getOneOrFail',
  'getManyAndCount',
  'getRawMany',
  'getRawOne',
  'getRawAndEntities',
  'getCount',
  'getExists',
  'exists',
  'stream',
  'execute',
]);
const IN_IDS = new Set(['whereInIds', 'andWhereInIds', 'orWhereInIds']);

/** A file's builders, found once and shared by the extractors that read them. */
export class QueryBuilders {
  private readonly byRoot = new Map<CallExpression, QueryBuilder>();

  constructor(index: NodeIndex) {
    const calls = index.of(SyntaxKind.CallExpression);
    // Every builder starts at a createQueryBuilder()/subQuery() call (rootOf finds nothing else): a file
    // without one (knex, drizzle, plain code) has none, and its chains need no declaration look-ups.
    if (!calls.some(isRootCall)) return;
    for (const call of calls) {
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee)) continue;
      const name = callee.getName();
      if (ROOTS.has(name)) this.builder(call);
      else if (CHAINED.has(name) || TERMINALS.has(name)) {
        const root = rootOf(callee.getExpression(), 0);
        if (root) this.builder(root).calls.push(call);
      }
    }
    for (const builder of this.byRoot.values()) {
      // A chain's outer calls come first in the tree; its aliases are defined left to right.
      builder.calls.sort((a, b) => nameStart(a) - nameStart(b));
      nameAliases(builder);
    }
  }

  get all(): QueryBuilder[] {
    return [...this.byRoot.values()];
  }

  /** The builder a call is made on (`qb.getMany()`: the builder of `qb`). */
  on(call: CallExpression): QueryBuilder | undefined {
    const callee = call.getExpression();
    const root = Node.isPropertyAccessExpression(callee) ? rootOf(callee.getExpression(), 0) : undefined;
    return root ? this.byRoot.get(root) : undefined;
  }

  private builder(root: CallExpression): QueryBuilder {
    let builder = this.byRoot.get(root);
    if (!builder) {
      builder = { root, aliases: new Map(), calls: [] };
      this.byRoot.set(root, builder);
    }
    return builder;
  }
}

/** The entity the builder's rows are, when its main alias stands for one (not for a relation path). */
export function mainEntity(builder: QueryBuilder): string | undefined {
  const main = builder.mainAlias === undefined ? undefined : builder.aliases.get(builder.mainAlias);
  return main && main.through.length === 0 ? main.entity : undefined;
}

/** The calls that run the builder's query: `getOne()`, `getMany()`, `execute()`, ... */
export function runs(builder: QueryBuilder): CallExpression[] {
  return builder.calls.filter((call) => TERMINALS.has(methodOf(call)));
}

/**
 * Whether the builder reads a whole set of keys in one query: `whereInIds(ids)`, `.where('u.id IN (:...ids)')`, `.where('u.id =
 * ANY(:ids)')`.
 */
export function readsASet(builder: QueryBuilder): boolean {
  return builder.calls.some((call) => {
    const method = methodOf(call);
    const fragment = literal(call.getArguments()[0]);
    return IN_IDS.has(method) || (WHERES.has(method) && fragment !== undefined && setPredicate(fragment));
  });
}

/**
 * Whether the builder loads `relation` of its main entity with each row (`leftJoinAndSelect('p.category', 'c')`, or a join whose alias is
 * selected).
 */
export function joinsAndSelects(builder: QueryBuilder, relation: string): boolean {
  const selected = new Set(
    builder.calls
      .filter((call) => ['select', 'addSelect'].includes(methodOf(call)))
      .flatMap((call) => call.getArguments().flatMap(stringsOf)),
  );
  return builder.calls.some((call) => {
    const method = methodOf(call);
    const at = JOINS.get(method);
    if (at === undefined || at > 0) return false;
    const [path, alias] = call.getArguments().map(literal);
    if (path !== `${builder.mainAlias}.${relation}`) return false;
    return (
      method.endsWith('AndSelect') || (alias !== undefined && [...selected].some((item) => item === alias || item.startsWith(`${alias}.`)))
    );
  });
}

/** The columns the builder's where, join conditions and order by name, as usages of their entity's columns. */
export function builderColumnUsages(builder: QueryBuilder, locator: Locator): ColumnUsage[] {
  const usages: ColumnUsage[] = [];
  const add = (call: CallExpression, argument: Node, refs: ColumnRef[], kind: ColumnUsage['kind']) => {
    for (const ref of refs) {
      // An unqualified column is the only alias's, when there is only one.
      const alias = ref.alias ?? (builder.aliases.size === 1 ? [...builder.aliases.keys()][0] : undefined);
      const target = alias === undefined ? undefined : builder.aliases.get(alias);
      if (!target) continue;
      usages.push({
        stack: 'typeorm',
        model: target.entity,
        ...(target.through.length > 0 ? { through: target.through } : {}),
        column: ref.column,
        kind,
        call: `${methodOf(call)}(${argument === call.getArguments()[0] ? '' : '…, '}${shorten(argument.getText())})`,
        location: locator.of(argument),
      });
    }
  };
  for (const call of builder.calls) {
    const method = methodOf(call);
    const args = call.getArguments();
    const join = JOINS.get(method);
    if (WHERES.has(method) && args[0] && literal(args[0]) !== undefined)
      add(call, args[0], predicateColumns(literal(args[0]) as string, wildcardParameters(args[1])), 'filter');
    else if (join !== undefined && args[join + 2] && literal(args[join + 2]) !== undefined)
      add(call, args[join + 2], predicateColumns(literal(args[join + 2]) as string), 'filter');
    else if (ORDERS.has(method) && args[0]) {
      if (literal(args[0]) !== undefined) add(call, args[0], orderColumns(literal(args[0]) as string), 'order');
      // `orderBy({ 'u.createdAt': 'DESC' })`
      else if (Node.isObjectLiteralExpression(args[0])) {
        for (const entry of args[0].getProperties()) {
          const key = Node.isPropertyAssignment(entry) ? entry.getNameNode() : undefined;
          if (key && Node.isStringLiteral(key)) add(call, key, orderColumns(key.getLiteralValue()), 'order');
        }
      }
    }
  }
  return usages;
}

/** The builder call a receiver expression leads back to. */
function isRootCall(call: CallExpression): boolean {
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) && ROOTS.has(callee.getName());
}

function rootOf(node: Node, depth: number): CallExpression | undefined {
  if (depth > 40) return undefined;
  if (Node.isAwaitExpression(node) || Node.isParenthesizedExpression(node) || Node.isNonNullExpression(node) || Node.isAsExpression(node))
    return rootOf(node.getExpression(), depth + 1);
  if (Node.isCallExpression(node)) {
    const callee = node.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) return undefined;
    if (ROOTS.has(callee.getName())) return node;
    return CHAINED.has(callee.getName()) ? rootOf(callee.getExpression(), depth + 1) : undefined;
  }
  if (!Node.isIdentifier(node)) return undefined;
  const declaration = inScope(node, declarationsNamed(node))[0];
  if (Node.isVariableDeclaration(declaration)) {
    const initializer = declaration.getInitializer();
    return initializer ? rootOf(initializer, depth + 1) : undefined;
  }
  // `where(new Brackets((qb) => qb.where(...)))`: `qb` adds to the builder the Brackets are given to.
  const fn = declaration?.getParent();
  const brackets = fn?.getParent();
  const owner = brackets?.getParent();
  if (
    Node.isParameterDeclaration(declaration) &&
    Node.isNewExpression(brackets) &&
    ['Brackets', 'NotBrackets'].includes(brackets.getExpression().getText()) &&
    Node.isCallExpression(owner)
  ) {
    const callee = owner.getExpression();
    return Node.isPropertyAccessExpression(callee) && WHERES.has(callee.getName()) ? rootOf(callee.getExpression(), depth + 1) : undefined;
  }
  return undefined;
}

/** The main alias from the root call, then `from(Entity, 'a')` and the joins' aliases, in source order. */
function nameAliases(builder: QueryBuilder): void {
  const callee = builder.root.getExpression() as Node;
  const receiver = Node.isPropertyAccessExpression(callee) ? callee.getExpression() : undefined;
  const [first, second] = builder.root.getArguments();
  if (first && Node.isIdentifier(first) && second && literal(second) !== undefined) {
    // `dataSource.createQueryBuilder(User, 'u')`, `manager.createQueryBuilder(User, 'u')`
    builder.mainAlias = literal(second);
    builder.aliases.set(literal(second) as string, { entity: first.getText(), through: [] });
  } else if (receiver && methodOf(builder.root) === 'createQueryBuilder' && (!first || literal(first) !== undefined)) {
    // `repo.createQueryBuilder('u')`; without an alias TypeORM names it after the entity class.
    // Active Record (`User.createQueryBuilder('u')`) only with an alias: `AppDataSource.createQueryBuilder()` is no entity.
    const activeRecord = first && Node.isIdentifier(receiver) && /^[A-Z]/.test(receiver.getText()) ? receiver.getText() : undefined;
    const entity = entityOfRepository(receiver) ?? activeRecord;
    if (entity) {
      builder.mainAlias = first ? literal(first) : entity;
      builder.aliases.set(builder.mainAlias as string, { entity, through: [] });
    }
  }
  for (const call of builder.calls) {
    const method = methodOf(call);
    const args = call.getArguments();
    if (method === 'from' || method === 'addFrom') {
      const alias = args[1] && literal(args[1]);
      if (!args[0] || !Node.isIdentifier(args[0]) || alias === undefined) continue;
      builder.mainAlias ??= alias;
      builder.aliases.set(alias, { entity: args[0].getText(), through: [] });
      continue;
    }
    const at = JOINS.get(method);
    if (at === undefined) continue;
    const [target, alias] = [args[at], args[at + 1] && literal(args[at + 1])];
    if (!target || alias === undefined) continue;
    if (Node.isIdentifier(target)) {
      // `leftJoin(Photo, 'photo', 'photo.userId = u.id')`
      builder.aliases.set(alias, { entity: target.getText(), through: [] });
      continue;
    }
    const path = literal(target)?.split('.');
    const base = path?.length === 2 ? builder.aliases.get(path[0]) : undefined;
    if (path && base) builder.aliases.set(alias, { entity: base.entity, through: [...base.through, path[1]] });
  }
}

function methodOf(call: CallExpression): string {
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) ? callee.getName() : '';
}

function nameStart(call: CallExpression): number {
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) ? callee.getNameNode().getStart() : call.getStart();
}

function literal(node: Node | undefined): string | undefined {
  return node && (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) ? node.getLiteralValue() : undefined;
}

/** `'c'` or `['p', 'c.name']`. */
function stringsOf(node: Node): string[] {
  if (Node.isArrayLiteralExpression(node)) return node.getElements().flatMap(stringsOf);
  const value = literal(node);
  return value === undefined ? [] : [value];
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 50 ? `${flat.slice(0, 50)}…` : flat;
}

/** The parameters given a pattern that starts with a wildcard: `{ tag: `%${tag}%` }` → `tag`. */
function wildcardParameters(parameters: Node | undefined): Set<string> {
  const names = new Set<string>();
  if (!parameters || !Node.isObjectLiteralExpression(parameters)) return names;
  for (const entry of parameters.getProperties()) {
    if (!Node.isPropertyAssignment(entry)) continue;
    const value = entry.getInitializer();
    const text =
      value &&
      (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)
        ? value.getLiteralValue()
        : Node.isTemplateExpression(value)
          ? value.getHead().getLiteralText()
          : undefined);
    if (text !== undefined && /^[%_]/.test(text)) names.add(entry.getName());
  }
  return names;
}
