// Drizzle tables: `pgTable('users', { id: serial('id').primaryKey(), authorId: integer('author_id')
// .references(() => users.id) }, (t) => [index('x').on(t.email)])` (also mysqlTable, sqliteTable,
// and the older object form of the third argument). The table's variable is the model's name.
import { Node, SyntaxKind, type CallExpression, type Expression } from 'ts-morph';
import type { Field, IndexDecl, ModelDecl } from '../../../model/types';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';

const TABLE_FACTORIES: Record<string, string> = {
  pgTable: 'postgres',
  mysqlTable: 'mysql',
  sqliteTable: 'sqlite',
  singlestoreTable: 'singlestore',
};

export interface DrizzleFacts {
  models: ModelDecl[];
  dialects: string[];
}

export function extractDrizzleTables(index: NodeIndex, locator: Locator): DrizzleFacts {
  const facts: DrizzleFacts = { models: [], dialects: [] };
  for (const declaration of index.of(SyntaxKind.VariableDeclaration)) {
    const call = declaration.getInitializer();
    if (!call || !Node.isCallExpression(call)) continue;
    const factory = call.getExpression().getText();
    const dialect = TABLE_FACTORIES[factory];
    const [nameArgument, columns, extras] = call.getArguments();
    if (!dialect || !nameArgument || !Node.isStringLiteral(nameArgument) || !columns || !Node.isObjectLiteralExpression(columns)) continue;
    facts.dialects.push(dialect);
    const fields: Field[] = [];
    const indexes: IndexDecl[] = [];
    for (const property of columns.getProperties()) {
      if (!Node.isPropertyAssignment(property)) continue;
      const chain = chainOf(property.getInitializer());
      if (!chain.length) continue;
      const [builder, ...modifiers] = chain;
      const names = modifiers.map((m) => methodName(m));
      const columnName = builder.getArguments()[0];
      const primaryKey = names.includes('primaryKey');
      const unique = primaryKey || names.includes('unique');
      const references = modifiers.find((m) => methodName(m) === 'references');
      const target = references ? referencedTable(references) : undefined;
      const location = locator.of(property.getNameNode());
      fields.push({
        name: property.getName(),
        column: columnName && Node.isStringLiteral(columnName) ? columnName.getLiteralValue() : property.getName(),
        type: builder.getExpression().getText(),
        primaryKey,
        unique,
        indexed: unique,
        ...(names.includes('notNull') || primaryKey ? {} : { nullable: true }),
        ...(target ? { relation: { kind: 'many-to-one' as const, target } } : {}),
        location,
      });
      if (unique) indexes.push({ fields: [property.getName()], unique: true, source: primaryKey ? 'primary key' : 'unique', location });
    }
    indexes.push(...extraIndexes(extras, locator));
    const leading = new Set(indexes.map((i) => i.fields[0]));
    for (const field of fields) field.indexed = field.indexed || leading.has(field.name);
    facts.models.push({
      name: declaration.getName(),
      stack: 'drizzle',
      table: nameArgument.getLiteralValue(),
      fields,
      indexes,
      location: locator.of(declaration.getNameNode()),
    });
  }
  return facts;
}

/** `integer('a').notNull().references(...)` → [integer('a'), notNull(), references(...)], builder first. */
function chainOf(node: Node | undefined): CallExpression[] {
  const chain: CallExpression[] = [];
  let current = node;
  while (current && Node.isCallExpression(current)) {
    chain.unshift(current);
    const callee = current.getExpression();
    current = Node.isPropertyAccessExpression(callee) ? callee.getExpression() : undefined;
  }
  return chain;
}

function methodName(call: CallExpression): string {
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
}

/** `.references(() => users.id)` → users. */
function referencedTable(call: CallExpression): string | undefined {
  const argument = call.getArguments()[0];
  const body = argument && Node.isArrowFunction(argument) ? argument.getBody() : undefined;
  return body && Node.isPropertyAccessExpression(body) ? body.getExpression().getText() : undefined;
}

/** `(t) => [index('a').on(t.x, t.y), uniqueIndex('b').on(t.z)]` or `(t) => ({ a: index('a').on(t.x) })`. */
function extraIndexes(extras: Node | undefined, locator: Locator): IndexDecl[] {
  if (!extras || !Node.isArrowFunction(extras)) return [];
  let body: Node = extras.getBody();
  while (Node.isParenthesizedExpression(body)) body = body.getExpression();
  const items: Expression[] = Node.isArrayLiteralExpression(body)
    ? body.getElements()
    : Node.isObjectLiteralExpression(body)
      ? body.getProperties().flatMap((p) => (Node.isPropertyAssignment(p) && p.getInitializer() ? [p.getInitializer()!] : []))
      : [];
  return items.flatMap((item) => {
    const chain = chainOf(item);
    const on = chain.find((call) => methodName(call) === 'on');
    const kind = chain[0] ? methodName(chain[0]) : '';
    if (!on || (kind !== 'index' && kind !== 'uniqueIndex')) {
      if (kind === 'primaryKey' && chain[0])
        return [{ fields: columnsOf(chain[0]), unique: true, source: 'primaryKey', location: locator.of(item) }];
      return [];
    }
    const fields = on.getArguments().flatMap((arg) => (Node.isPropertyAccessExpression(arg) ? [arg.getName()] : []));
    return [{ fields, unique: kind === 'uniqueIndex', source: kind, location: locator.of(item) }];
  });
}

/** `primaryKey({ columns: [t.a, t.b] })`. */
function columnsOf(call: CallExpression): string[] {
  const options = call.getArguments()[0];
  const columns = options && Node.isObjectLiteralExpression(options) ? options.getProperty('columns') : undefined;
  const list = Node.isPropertyAssignment(columns) ? columns.getInitializer() : undefined;
  return list && Node.isArrayLiteralExpression(list)
    ? list.getElements().flatMap((e) => (Node.isPropertyAccessExpression(e) ? [e.getName()] : []))
    : [];
}
