// Prisma models as the stack-neutral model: fields with their keys, relations with the foreign key
// scalars they own (`@relation(fields: [authorId], ...)`), and every index the schema declares.
import type { Attribute, BlockAttribute, Field as PrismaField, Model, Value } from '@mrleebo/prisma-ast';
import type { Field, IndexDecl, Location, ModelDecl } from '../../model/types';

const SCALARS = new Set(['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes', 'Unsupported']);

type Located = { location?: { startLine?: number; startColumn?: number; endLine?: number; endColumn?: number } };

export function locationOf(file: string, node: Located, fallbackLine = 0): Location {
  const at = node.location;
  const line = (at?.startLine ?? fallbackLine + 1) - 1;
  const character = (at?.startColumn ?? 1) - 1;
  const endLine = (at?.endLine ?? line + 1) - 1;
  const endCharacter = at?.endColumn ?? character;
  return { file, range: { start: { line, character }, end: { line: endLine, character: endCharacter } } };
}

/** `[a, b]` of `@@index([a, b])` or `fields: [a, b]`. */
function names(value: Value | undefined): string[] {
  if (!value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if ('type' in value && value.type === 'array')
    return (value.args as unknown[]).filter((item): item is string => typeof item === 'string').map((name) => name.replace(/\(.*$/, ''));
  return [];
}

function argument(attribute: Attribute | BlockAttribute, key?: string): Value | undefined {
  for (const arg of attribute.args ?? []) {
    const value = arg.value;
    if (key === undefined && !(typeof value === 'object' && value && 'type' in value && value.type === 'keyValue')) return value;
    if (key !== undefined && typeof value === 'object' && value && 'type' in value && value.type === 'keyValue' && value.key === key)
      return value.value;
  }
  return undefined;
}

export function readModel(model: Model, file: string, enums: ReadonlySet<string>): ModelDecl {
  const fields: Field[] = [];
  const indexes: IndexDecl[] = [];
  const properties = model.properties.filter((p): p is PrismaField | BlockAttribute => p.type === 'field' || p.type === 'attribute');
  let table = model.name;
  for (const property of properties) {
    if (property.type === 'attribute') {
      const location = locationOf(file, property);
      const fieldsOf = names(argument(property, 'fields') ?? argument(property));
      if (property.name === 'id') indexes.push({ fields: fieldsOf, unique: true, source: '@@id', location });
      if (property.name === 'unique') indexes.push({ fields: fieldsOf, unique: true, source: '@@unique', location });
      if (property.name === 'index') indexes.push({ fields: fieldsOf, unique: false, source: '@@index', location });
      if (property.name === 'map') {
        const mapped = argument(property);
        if (typeof mapped === 'string') table = mapped.replace(/^"|"$/g, '');
      }
      continue;
    }
    fields.push(readField(property, file, enums, indexes));
  }
  // A relation owns its foreign key scalars: an index on them is an index on the relation.
  for (const field of fields) {
    const leading = new Set(indexes.map((index) => index.fields[0]));
    field.indexed = leading.has(field.relation ? field.column.split(',')[0] : field.name) || field.primaryKey || field.unique;
  }
  const last = properties[properties.length - 1];
  const lastLine = last ? locationOf(file, last).range.start.line : locationOf(file, model).range.start.line;
  return {
    name: model.name,
    stack: 'prisma',
    table,
    fields,
    indexes,
    location: locationOf(file, model),
    bodyInsert: { position: { line: lastLine + 1, character: 0 }, indent: '  ' },
  };
}

function readField(property: PrismaField, file: string, enums: ReadonlySet<string>, indexes: IndexDecl[]): Field {
  const type = typeof property.fieldType === 'string' ? property.fieldType : property.fieldType.name;
  const attributes = property.attributes ?? [];
  const has = (name: string) => attributes.some((attribute) => attribute.name === name);
  const location = locationOf(file, property);
  const primaryKey = has('id');
  const unique = has('unique');
  if (primaryKey) indexes.push({ fields: [property.name], unique: true, source: '@id', location });
  else if (unique) indexes.push({ fields: [property.name], unique: true, source: '@unique', location });
  const isRelation = !SCALARS.has(type) && !enums.has(type);
  if (!isRelation)
    return {
      name: property.name,
      column: property.name,
      type,
      primaryKey,
      unique,
      indexed: false,
      nullable: property.optional ?? false,
      location,
    };
  const relation = attributes.find((attribute) => attribute.name === 'relation');
  const keys = relation ? names(argument(relation, 'fields')) : [];
  const owning = keys.length > 0;
  return {
    name: property.name,
    column: owning ? keys.join(',') : property.name,
    type,
    primaryKey: false,
    unique: false,
    indexed: false,
    relation: {
      kind: property.array ? 'one-to-many' : owning ? 'many-to-one' : 'one-to-one',
      target: type,
      ...(property.optional ? { nullable: true } : {}),
      ...(owning && relation ? { references: names(argument(relation, 'references')) } : {}),
    },
    location,
  };
}
