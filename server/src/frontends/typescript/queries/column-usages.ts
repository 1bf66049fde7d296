// The columns TypeORM and Prisma queries filter and sort on, read from the object literals of the
// call: TypeORM `findBy({ email })`, `find({ where: {...}, order: {...} })`; Prisma `findMany({
// where: {...}, orderBy: {...} })`. Nested objects are relation filters or operators, left to other checks.
import { Node, SyntaxKind, type CallExpression, type ObjectLiteralExpression } from 'ts-morph';
import type { ColumnUsage } from '../../../model/types';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';
import { readQuery } from './typeorm-queries';

const TYPEORM_WHERE_ARGUMENT = new Set(['findBy', 'findOneBy', 'findOneByOrFail', 'countBy', 'existsBy', 'findAndCountBy']);
const TYPEORM_OPTIONS_ARGUMENT = new Set(['find', 'findOne', 'findOneOrFail', 'count', 'exists', 'findAndCount']);
const PRISMA_FILTERING = new Set([
  'findMany',
  'findFirst',
  'findFirstOrThrow',
  'count',
  'updateMany',
  'deleteMany',
  'groupBy',
  'aggregate',
]);
const PRISMA_COMBINATORS = new Set(['AND', 'OR', 'NOT']);
const PRISMA_RELATION_FILTERS = new Set(['some', 'every', 'none', 'is', 'isNot']);

export function extractColumnUsages(index: NodeIndex, locator: Locator): ColumnUsage[] {
  const usages: ColumnUsage[] = [];
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const prisma = prismaCall(call);
    if (prisma) {
      const options = objectArgument(call, 0);
      const add = (column: string, kind: ColumnUsage['kind']) =>
        usages.push({ stack: 'prisma', model: prisma.model, column, kind, call: prisma.text, location: locator.of(call) });
      for (const where of objectsOf(property(options, 'where'))) for (const column of filteredColumns(where, true)) add(column, 'filter');
      for (const order of objectsOf(property(options, 'orderBy'))) for (const column of keys(order)) add(column, 'order');
      continue;
    }
    const mongoose = mongooseCall(call);
    if (mongoose) {
      const add = (column: string, kind: ColumnUsage['kind']) =>
        usages.push({ stack: 'mongoose', model: mongoose.model, column, kind, call: mongoose.text, location: locator.of(call) });
      for (const filter of objectsOf(call.getArguments()[0]))
        for (const column of filteredColumns(filter, false)) if (!column.startsWith('$')) add(column, 'filter');
      for (const column of chainedSort(call)) add(column, 'order');
    }
    const sequelize = sequelizeCall(call);
    if (sequelize) {
      const options = objectArgument(call, sequelize.optionsAt);
      const add = (column: string, kind: ColumnUsage['kind']) =>
        usages.push({ stack: 'sequelize', model: sequelize.model, column, kind, call: sequelize.text, location: locator.of(call) });
      for (const where of objectsOf(property(options, 'where'))) for (const column of filteredColumns(where, false)) add(column, 'filter');
      for (const column of sequelizeOrder(property(options, 'order'))) add(column, 'order');
    }
    const typeorm = readQuery(call);
    if (!typeorm) continue;
    const text = `${typeorm.receiver.getText().replace(/\s+/g, '')}.${typeorm.method}()`;
    const add = (column: string, kind: ColumnUsage['kind']) =>
      usages.push({ stack: 'typeorm', model: typeorm.entity, column, kind, call: text, location: locator.of(call) });
    // `manager.findBy(User, {...})` has the entity first.
    const offset = Node.isIdentifier(call.getArguments()[0]) && call.getArguments()[0].getText() === typeorm.entity ? 1 : 0;
    if (TYPEORM_WHERE_ARGUMENT.has(typeorm.method)) {
      for (const where of objectsOf(call.getArguments()[offset])) for (const column of filteredColumns(where, false)) add(column, 'filter');
    } else if (TYPEORM_OPTIONS_ARGUMENT.has(typeorm.method)) {
      const options = objectArgument(call, offset);
      for (const where of objectsOf(property(options, 'where'))) for (const column of filteredColumns(where, false)) add(column, 'filter');
      for (const order of objectsOf(property(options, 'order'))) for (const column of keys(order)) add(column, 'order');
    }
  }
  return usages;
}

const MONGOOSE_FILTERS = new Set(['find', 'findOne', 'countDocuments', 'exists', 'updateMany', 'deleteMany', 'findOneAndUpdate']);

/** `Post.find({ author })`: the filter is the first argument. */
function mongooseCall(call: CallExpression): { model: string; text: string } | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !MONGOOSE_FILTERS.has(callee.getName())) return undefined;
  const receiver = callee.getExpression();
  if (!Node.isIdentifier(receiver) || !/^[A-Z]/.test(receiver.getText())) return undefined;
  return { model: receiver.getText(), text: `${receiver.getText()}.${callee.getName()}()` };
}

/** `Post.find(...).sort({ createdAt: -1 })`: the sorted keys. */
function chainedSort(call: CallExpression): string[] {
  const access = call.getParent();
  const sort = Node.isPropertyAccessExpression(access) && access.getName() === 'sort' ? access.getParent() : undefined;
  const argument = sort && Node.isCallExpression(sort) ? sort.getArguments()[0] : undefined;
  return argument && Node.isObjectLiteralExpression(argument) ? keys(argument) : [];
}

const SEQUELIZE_READS: Record<string, number> = { findAll: 0, findOne: 0, count: 0, findAndCountAll: 0, destroy: 0, update: 1 };

/** `Post.findAll({ where, order })`: the options argument's position by method. */
function sequelizeCall(call: CallExpression): { model: string; text: string; optionsAt: number } | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !(callee.getName() in SEQUELIZE_READS)) return undefined;
  const receiver = callee.getExpression();
  if (!Node.isIdentifier(receiver) || !/^[A-Z]/.test(receiver.getText())) return undefined;
  return { model: receiver.getText(), text: `${receiver.getText()}.${callee.getName()}()`, optionsAt: SEQUELIZE_READS[callee.getName()] };
}

/** `order: [['createdAt', 'DESC'], 'title']`: the first column of each entry. */
function sequelizeOrder(node: Node | undefined): string[] {
  if (!node || !Node.isArrayLiteralExpression(node)) return [];
  return node.getElements().flatMap((element) => {
    const first = Node.isArrayLiteralExpression(element) ? element.getElements()[0] : element;
    return first && Node.isStringLiteral(first) ? [first.getLiteralValue()] : [];
  });
}

function prismaCall(call: CallExpression): { model: string; text: string } | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !PRISMA_FILTERING.has(callee.getName())) return undefined;
  const delegate = callee.getExpression();
  if (!Node.isPropertyAccessExpression(delegate)) return undefined;
  const name = delegate.getName();
  if (!/^[a-z]/.test(name)) return undefined;
  return { model: name[0].toUpperCase() + name.slice(1), text: `${delegate.getText().replace(/\s+/g, '')}.${callee.getName()}()` };
}

function objectArgument(call: CallExpression, position: number): ObjectLiteralExpression | undefined {
  const argument = call.getArguments()[position];
  return argument && Node.isObjectLiteralExpression(argument) ? argument : undefined;
}

function property(object: ObjectLiteralExpression | undefined, name: string): Node | undefined {
  const found = object?.getProperty(name);
  if (Node.isPropertyAssignment(found)) return found.getInitializer();
  if (Node.isShorthandPropertyAssignment(found)) return found.getNameNode();
  return undefined;
}

/** An object literal, or each object literal of an array (TypeORM's OR form, Prisma's orderBy list). */
function objectsOf(node: Node | undefined): ObjectLiteralExpression[] {
  if (!node) return [];
  if (Node.isObjectLiteralExpression(node)) return [node];
  if (Node.isArrayLiteralExpression(node))
    return node.getElements().filter((element): element is ObjectLiteralExpression => Node.isObjectLiteralExpression(element));
  return [];
}

function keys(object: ObjectLiteralExpression): string[] {
  return object
    .getProperties()
    .flatMap((p) => (Node.isPropertyAssignment(p) || Node.isShorthandPropertyAssignment(p) ? [p.getName()] : []));
}

/** Top-level columns of a where object; Prisma's AND/OR/NOT are followed, relation filters are not. */
function filteredColumns(where: ObjectLiteralExpression, prisma: boolean): string[] {
  return where.getProperties().flatMap((p) => {
    if (Node.isShorthandPropertyAssignment(p)) return [p.getName()];
    if (!Node.isPropertyAssignment(p)) return [];
    const name = p.getName();
    const value = p.getInitializer();
    if (prisma && PRISMA_COMBINATORS.has(name)) return objectsOf(value).flatMap((inner) => filteredColumns(inner, prisma));
    if (value && Node.isObjectLiteralExpression(value)) {
      // `{ author: { id } }` (TypeORM) and `{ posts: { some: ... } }` (Prisma) go through a relation.
      if (!prisma || keys(value).some((key) => PRISMA_RELATION_FILTERS.has(key))) return [];
      return [name];
    }
    return [name];
  });
}
