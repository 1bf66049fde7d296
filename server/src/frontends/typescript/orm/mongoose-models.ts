// Mongoose models: `new Schema({ title: String, author: { type: ObjectId, ref: 'User', index: true } })`,
// compound `schema.index({ a: 1, b: -1 })`, `model('Post', schema)`, and the schema's `pre`/`post`
// middleware as signals. MongoDB has no foreign keys; `ref` paths are relations for the explorer.
import { Node, SyntaxKind, type NewExpression, type ObjectLiteralExpression } from 'ts-morph';
import type { Field, IndexDecl, ModelDecl, SignalDecl } from '../../../model/types';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';

interface SchemaFacts {
  fields: Field[];
  indexes: IndexDecl[];
  hooks: { signal: string; location: import('../../../model/types').Location }[];
}

export function extractMongooseModels(index: NodeIndex, locator: Locator): { models: ModelDecl[]; signals: SignalDecl[] } {
  const schemas = new Map<string, SchemaFacts>();
  for (const declaration of index.of(SyntaxKind.VariableDeclaration)) {
    const created = declaration.getInitializer();
    if (created && Node.isNewExpression(created) && /(^|\.)Schema$/.test(created.getExpression().getText())) {
      const facts = readSchema(created, locator);
      if (facts) schemas.set(declaration.getName(), facts);
    }
  }
  const models: ModelDecl[] = [];
  const signals: SignalDecl[] = [];
  if (schemas.size === 0) return { models, signals };
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    const method = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
    const receiver = Node.isPropertyAccessExpression(callee) ? callee.getExpression().getText() : undefined;
    const [first, second] = call.getArguments();
    const schema = receiver ? schemas.get(receiver) : undefined;
    if (schema && method === 'index' && first && Node.isObjectLiteralExpression(first)) {
      const fields = first.getProperties().flatMap((p) => (Node.isPropertyAssignment(p) ? [p.getName().replace(/^['"]|['"]$/g, '')] : []));
      const options = second && Node.isObjectLiteralExpression(second) ? second : undefined;
      schema.indexes.push({ fields, unique: flag(options, 'unique'), source: 'schema.index', location: locator.of(call) });
    } else if (schema && (method === 'pre' || method === 'post') && first && Node.isStringLiteral(first)) {
      schema.hooks.push({ signal: `${method} ${first.getLiteralValue()}`, location: locator.of(call) });
    } else if (
      method === 'model' &&
      first &&
      Node.isStringLiteral(first) &&
      second &&
      Node.isIdentifier(second) &&
      schemas.has(second.getText())
    ) {
      const facts = schemas.get(second.getText())!;
      const name = first.getLiteralValue();
      const leading = new Set(facts.indexes.map((i) => i.fields[0]));
      const fields = facts.fields.map((field) => ({ ...field, indexed: field.indexed || leading.has(field.name) }));
      models.push({
        name,
        stack: 'mongoose',
        table: `${name.toLowerCase()}s`,
        fields,
        indexes: facts.indexes,
        location: locator.of(first),
      });
      for (const hook of facts.hooks)
        signals.push({
          signal: hook.signal,
          sender: name,
          handler: `${second.getText()}.${hook.signal.split(' ')[0]}`,
          stack: 'mongoose',
          location: hook.location,
        });
    }
  }
  return { models, signals };
}

function readSchema(created: NewExpression, locator: Locator): SchemaFacts | undefined {
  const definition = created.getArguments()[0];
  if (!definition || !Node.isObjectLiteralExpression(definition)) return undefined;
  const facts: SchemaFacts = { fields: [], indexes: [{ fields: ['_id'], unique: true, source: 'primary key' }], hooks: [] };
  facts.fields.push({
    name: '_id',
    column: '_id',
    type: 'ObjectId',
    primaryKey: true,
    unique: true,
    indexed: true,
    location: locator.of(created),
  });
  for (const property of definition.getProperties()) {
    if (!Node.isPropertyAssignment(property)) continue;
    const value = property.getInitializer();
    const options = value && Node.isObjectLiteralExpression(value) ? value : undefined;
    const type = options
      ? ((options.getProperty('type') as Node | undefined)?.getText().replace(/^type:\s*/, '') ?? 'Mixed')
      : (value?.getText() ?? 'Mixed');
    const unique = flag(options, 'unique');
    const indexed = unique || flag(options, 'index');
    const ref = options ? stringOf(options, 'ref') : undefined;
    const location = locator.of(property.getNameNode());
    facts.fields.push({
      name: property.getName(),
      column: property.getName(),
      type,
      primaryKey: false,
      unique,
      indexed,
      ...(ref ? { relation: { kind: 'many-to-one' as const, target: ref } } : {}),
      location,
    });
    if (indexed) facts.indexes.push({ fields: [property.getName()], unique, source: unique ? 'unique' : 'index', location });
  }
  return facts;
}

function flag(options: ObjectLiteralExpression | undefined, name: string): boolean {
  const property = options?.getProperty(name);
  return Node.isPropertyAssignment(property) && property.getInitializer()?.getKind() === SyntaxKind.TrueKeyword;
}

function stringOf(options: ObjectLiteralExpression, name: string): string | undefined {
  const property = options.getProperty(name);
  const value = Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
  return value && Node.isStringLiteral(value) ? value.getLiteralValue() : undefined;
}
