// TypeORM's decorator-free form: `new EntitySchema({ name, tableName, columns, relations, indices,
// uniques })`. Same facts as an `@Entity` class: columns with keys, relations with their join
// columns, and the indexes TypeORM creates for them.
import { Node, SyntaxKind } from 'ts-morph';
import type { Field, IndexDecl, ModelDecl, RelationKind, Value } from '../../../model/types';
import { resolveReference, type ImportTable } from '../syntax/imports';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';
import { isTypeormModule } from './typeorm-decorators';
import { defaultJoinColumnName, defaultTableName } from './typeorm-naming';
import { readValue } from '../syntax/values';

type ObjectValue = Extract<Value, { kind: 'object' }>;

const KINDS: Record<string, RelationKind> = {
  'many-to-one': 'many-to-one',
  'one-to-one': 'one-to-one',
  'one-to-many': 'one-to-many',
  'many-to-many': 'many-to-many',
};

export function extractEntitySchemas(index: NodeIndex, imports: ImportTable, locator: Locator): ModelDecl[] {
  const models: ModelDecl[] = [];
  for (const created of index.of(SyntaxKind.NewExpression)) {
    const reference = resolveReference(created.getExpression(), imports);
    if (!reference || !isTypeormModule(reference.module) || reference.name !== 'EntitySchema') continue;
    const argument = created.getArguments()[0];
    if (!argument || !Node.isObjectLiteralExpression(argument)) continue;
    const options = readValue(argument, { locator });
    if (options.kind !== 'object') continue;
    const name = text(entry(options, 'name')) ?? 'Entity';
    const fields: Field[] = [];
    const indexes: IndexDecl[] = [];
    for (const column of object(entry(options, 'columns'))?.entries ?? []) {
      const settings = object(column.value);
      const primaryKey = bool(entry(settings, 'primary'));
      const unique = primaryKey || bool(entry(settings, 'unique'));
      fields.push({
        name: column.key,
        column: text(entry(settings, 'name')) ?? column.key,
        type: typeName(entry(settings, 'type')),
        primaryKey,
        unique,
        indexed: unique,
        location: column.location,
      });
      if (unique)
        indexes.push({ fields: [column.key], unique: true, source: primaryKey ? 'primary key' : 'unique', location: column.location });
    }
    for (const relation of object(entry(options, 'relations'))?.entries ?? []) {
      const settings = object(relation.value);
      const kind = KINDS[text(entry(settings, 'type')) ?? ''];
      if (!kind) continue;
      const owning = kind === 'many-to-one' || (kind === 'one-to-one' && entry(settings, 'joinColumn') !== undefined);
      const unique = kind === 'one-to-one' && owning;
      fields.push({
        name: relation.key,
        column: owning ? defaultJoinColumnName(relation.key, undefined) : relation.key,
        type: kind,
        primaryKey: false,
        unique,
        indexed: unique,
        relation: {
          kind,
          target: text(entry(settings, 'target')) ?? '?',
          lazy: bool(entry(settings, 'lazy')),
          eager: bool(entry(settings, 'eager')),
        },
        location: relation.location,
      });
      if (unique) indexes.push({ fields: [relation.key], unique: true, source: 'one-to-one', location: relation.location });
    }
    for (const [key, unique] of [
      ['indices', false],
      ['uniques', true],
    ] as const) {
      const list = entry(options, key);
      for (const item of list?.kind === 'list' ? list.items : []) {
        const columns = entry(object(item), 'columns');
        const names = columns?.kind === 'list' ? columns.items.flatMap((c) => (c.kind === 'string' ? [c.value] : [])) : [];
        indexes.push({ fields: names, unique: unique || bool(entry(object(item), 'unique')), source: key, location: item.location });
      }
    }
    const leading = new Set(indexes.map((i) => i.fields[0]));
    for (const field of fields) field.indexed = field.indexed || leading.has(field.name);
    models.push({
      name,
      stack: 'typeorm',
      table: text(entry(options, 'tableName')) ?? defaultTableName(name),
      fields,
      indexes,
      location: locator.of(created.getExpression()),
    });
  }
  return models;
}

const object = (value: Value | undefined): ObjectValue | undefined => (value?.kind === 'object' ? value : undefined);
const entry = (value: ObjectValue | undefined, key: string): Value | undefined => value?.entries.find((e) => e.key === key)?.value;
const text = (value: Value | undefined): string | undefined => (value?.kind === 'string' ? value.value : undefined);
const bool = (value: Value | undefined): boolean => value?.kind === 'bool' && value.value;
/** `type: 'varchar'` or `type: String`. */
const typeName = (value: Value | undefined): string =>
  value?.kind === 'string' ? value.value : value?.kind === 'unknown' ? value.text : 'unknown';
