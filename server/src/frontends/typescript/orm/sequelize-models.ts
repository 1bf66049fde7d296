// Sequelize models: `User.init(attributes, { tableName, indexes, hooks })` on a Model subclass and
// `sequelize.define('User', attributes, options)`, with their attributes (keys, unique, references),
// declared indexes, belongsTo foreign keys, indexes added in migrations (`queryInterface.addIndex`)
// and hooks. Associations may live in another file: their foreign keys are linked to models by name.
import { Node, SyntaxKind, type CallExpression, type ObjectLiteralExpression } from 'ts-morph';
import type { Field, IndexDecl, ModelDecl, SignalDecl } from '../../../model/types';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';

export interface SequelizeFacts {
  models: ModelDecl[];
  /** `Post.belongsTo(User, { foreignKey: 'authorId' })`: the key lives on Post. */
  foreignKeys: { model: string; column: string; target: string; alias?: string; location: import('../../../model/types').Location }[];
  /** `queryInterface.addIndex('posts', ['authorId'])` in migrations, by table. */
  tableIndexes: { table: string; fields: string[]; unique: boolean; location: import('../../../model/types').Location }[];
  signals: SignalDecl[];
  dialects: string[];
}

const HOOKS =
  /^(before|after)(Validate|Create|Update|Save|Destroy|Upsert|Restore|Find|Count|Sync|BulkCreate|BulkUpdate|BulkDestroy|BulkRestore|BulkSync)$/;

export function extractSequelize(index: NodeIndex, locator: Locator): SequelizeFacts {
  const facts: SequelizeFacts = { models: [], foreignKeys: [], tableIndexes: [], signals: [], dialects: [] };
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const method = callee.getName();
    const receiver = callee.getExpression();
    const args = call.getArguments();
    if (
      method === 'init' &&
      Node.isIdentifier(receiver) &&
      Node.isObjectLiteralExpression(args[0]) &&
      Node.isObjectLiteralExpression(args[1]) &&
      args[1].getProperty('sequelize')
    ) {
      facts.models.push(readModel(receiver.getText(), args[0], args[1], locator, facts, receiver));
    } else if (method === 'define' && Node.isStringLiteral(args[0]) && Node.isObjectLiteralExpression(args[1])) {
      const options = Node.isObjectLiteralExpression(args[2]) ? args[2] : undefined;
      facts.models.push(readModel(args[0].getLiteralValue(), args[1], options, locator, facts, args[0]));
    } else if (method === 'belongsTo' && Node.isIdentifier(receiver) && args[0] && Node.isIdentifier(args[0])) {
      const options = Node.isObjectLiteralExpression(args[1]) ? args[1] : undefined;
      const alias = stringProperty(options, 'as');
      const column = foreignKeyName(options) ?? `${lowerFirst(alias ?? args[0].getText())}Id`;
      facts.foreignKeys.push({
        model: receiver.getText(),
        column,
        target: args[0].getText(),
        ...(alias ? { alias } : {}),
        location: locator.of(call),
      });
    } else if ((method === 'hasMany' || method === 'hasOne') && Node.isIdentifier(receiver) && args[0] && Node.isIdentifier(args[0])) {
      const options = Node.isObjectLiteralExpression(args[1]) ? args[1] : undefined;
      const column = foreignKeyName(options) ?? `${lowerFirst(receiver.getText())}Id`;
      const alias = stringProperty(options, 'as');
      facts.foreignKeys.push({
        model: args[0].getText(),
        column,
        target: receiver.getText(),
        ...(alias ? { alias } : {}),
        location: locator.of(call),
      });
    } else if ((method === 'addIndex' || method === 'addConstraint') && Node.isStringLiteral(args[0])) {
      readMigrationIndex(call, method, args[0].getLiteralValue(), locator, facts);
    } else if (Node.isIdentifier(receiver) && /^[A-Z]/.test(receiver.getText())) {
      const hook =
        method === 'addHook' && Node.isStringLiteral(args[0]) ? args[0].getLiteralValue() : HOOKS.test(method) ? method : undefined;
      const handler = method === 'addHook' ? args[args.length - 1] : args[0];
      if (hook && handler)
        facts.signals.push({
          signal: hook,
          sender: receiver.getText(),
          handler: handlerName(handler),
          stack: 'sequelize',
          location: locator.of(call),
        });
    }
  }
  for (const created of index.of(SyntaxKind.NewExpression)) {
    if (created.getExpression().getText() !== 'Sequelize') continue;
    for (const argument of created.getArguments()) {
      if (Node.isStringLiteral(argument) || Node.isNoSubstitutionTemplateLiteral(argument)) {
        const scheme = /^([a-z]+):\/\//.exec(argument.getLiteralValue())?.[1];
        if (scheme) facts.dialects.push(scheme === 'postgresql' ? 'postgres' : scheme);
      }
      const dialect = Node.isObjectLiteralExpression(argument) ? stringProperty(argument, 'dialect') : undefined;
      if (dialect) facts.dialects.push(dialect);
    }
  }
  return facts;
}

function readModel(
  name: string,
  attributes: ObjectLiteralExpression,
  options: ObjectLiteralExpression | undefined,
  locator: Locator,
  facts: SequelizeFacts,
  at: Node,
): ModelDecl {
  const fields: Field[] = [];
  const indexes: IndexDecl[] = [];
  for (const property of attributes.getProperties()) {
    if (!Node.isPropertyAssignment(property)) continue;
    const value = property.getInitializer();
    const settings = value && Node.isObjectLiteralExpression(value) ? value : undefined;
    const type =
      (settings ? initializerText(settings, 'type') : value?.getText())?.replace(/^DataTypes\./, '').replace(/\(.*$/, '') ?? 'unknown';
    const primaryKey = isTrue(settings, 'primaryKey');
    const uniqueSetting = settings?.getProperty('unique');
    const unique = primaryKey || (Node.isPropertyAssignment(uniqueSetting) && uniqueSetting.getInitializer()?.getText() !== 'false');
    const location = locator.of(property.getNameNode());
    const references = settings ? objectProperty(settings, 'references') : undefined;
    const target = references ? (initializerText(references, 'model') ?? '').replace(/^['"]|['"]$/g, '') : undefined;
    const field: Field = {
      name: property.getName(),
      column: stringProperty(settings, 'field') ?? property.getName(),
      type,
      primaryKey,
      unique,
      indexed: primaryKey || unique,
      ...(isFalse(settings, 'allowNull') ? {} : { nullable: true }),
      location,
    };
    if (target) facts.foreignKeys.push({ model: name, column: field.name, target, location });
    if (primaryKey) indexes.push({ fields: [field.name], unique: true, source: 'primary key', location });
    else if (unique) indexes.push({ fields: [field.name], unique: true, source: 'unique', location });
    fields.push(field);
  }
  const declared = options ? property(options, 'indexes') : undefined;
  if (declared && Node.isArrayLiteralExpression(declared)) {
    for (const element of declared.getElements()) {
      if (!Node.isObjectLiteralExpression(element)) continue;
      indexes.push({
        fields: fieldNames(property(element, 'fields')),
        unique: isTrue(element, 'unique'),
        source: 'indexes',
        location: locator.of(element),
      });
    }
  }
  const hooks = options ? property(options, 'hooks') : undefined;
  if (hooks && Node.isObjectLiteralExpression(hooks)) {
    for (const hook of hooks.getProperties()) {
      if (Node.isPropertyAssignment(hook) || Node.isMethodDeclaration(hook) || Node.isShorthandPropertyAssignment(hook)) {
        facts.signals.push({
          signal: hook.getName(),
          sender: name,
          handler: `${name}.${hook.getName()}`,
          stack: 'sequelize',
          location: locator.of(hook),
        });
      }
    }
  }
  const leading = new Set(indexes.map((index) => index.fields[0]));
  for (const field of fields) field.indexed = field.indexed || leading.has(field.name);
  const table = stringProperty(options, 'tableName') ?? (isTrue(options, 'freezeTableName') ? name : plural(name));
  return { name, stack: 'sequelize', table, fields, indexes, location: locator.of(at) };
}

function readMigrationIndex(call: CallExpression, method: string, table: string, locator: Locator, facts: SequelizeFacts): void {
  const second = call.getArguments()[1];
  if (method === 'addIndex') {
    const options = Node.isObjectLiteralExpression(call.getArguments()[2])
      ? (call.getArguments()[2] as ObjectLiteralExpression)
      : undefined;
    const fields = Node.isArrayLiteralExpression(second)
      ? fieldNames(second)
      : Node.isObjectLiteralExpression(second)
        ? fieldNames(property(second, 'fields'))
        : [];
    const unique = isTrue(options, 'unique') || (Node.isObjectLiteralExpression(second) && isTrue(second, 'unique'));
    if (fields.length) facts.tableIndexes.push({ table, fields, unique, location: locator.of(call) });
  } else if (Node.isObjectLiteralExpression(second) && ['unique', 'primary key'].includes(stringProperty(second, 'type') ?? '')) {
    facts.tableIndexes.push({ table, fields: fieldNames(property(second, 'fields')), unique: true, location: locator.of(call) });
  }
}

function property(object: ObjectLiteralExpression | undefined, name: string): Node | undefined {
  const found = object?.getProperty(name);
  return Node.isPropertyAssignment(found) ? found.getInitializer() : undefined;
}

function objectProperty(object: ObjectLiteralExpression, name: string): ObjectLiteralExpression | undefined {
  const value = property(object, name);
  return value && Node.isObjectLiteralExpression(value) ? value : undefined;
}

function initializerText(object: ObjectLiteralExpression, name: string): string | undefined {
  return property(object, name)?.getText();
}

function stringProperty(object: ObjectLiteralExpression | undefined, name: string): string | undefined {
  const value = property(object, name);
  return value && (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) ? value.getLiteralValue() : undefined;
}

function isTrue(object: ObjectLiteralExpression | undefined, name: string): boolean {
  return property(object, name)?.getKind() === SyntaxKind.TrueKeyword;
}

function isFalse(object: ObjectLiteralExpression | undefined, name: string): boolean {
  return property(object, name)?.getKind() === SyntaxKind.FalseKeyword;
}

function fieldNames(node: Node | undefined): string[] {
  if (!node || !Node.isArrayLiteralExpression(node)) return [];
  return node.getElements().flatMap((element) => {
    if (Node.isStringLiteral(element)) return [element.getLiteralValue()];
    // `{ name: 'authorId', order: 'DESC' }` / `{ attribute: ... }`
    if (Node.isObjectLiteralExpression(element)) {
      const name = stringProperty(element, 'name') ?? stringProperty(element, 'attribute');
      return name ? [name] : [];
    }
    return [];
  });
}

/** `foreignKey: 'authorId'` or `foreignKey: { name: 'authorId' }`. */
function foreignKeyName(options: ObjectLiteralExpression | undefined): string | undefined {
  const value = options ? property(options, 'foreignKey') : undefined;
  if (value && Node.isStringLiteral(value)) return value.getLiteralValue();
  return value && Node.isObjectLiteralExpression(value) ? stringProperty(value, 'name') : undefined;
}

function handlerName(node: Node): string {
  return Node.isIdentifier(node) || Node.isPropertyAccessExpression(node) ? node.getText() : '(inline function)';
}

const lowerFirst = (name: string) => name[0].toLowerCase() + name.slice(1);

/** Sequelize's default table name: the model name in the plural. */
function plural(name: string): string {
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(name)) return `${name}es`;
  return `${name}s`;
}
