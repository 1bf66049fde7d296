// MikroORM entities: `@Entity()` classes from @mikro-orm/core (or the v7 decorator packages) with
// `@PrimaryKey`, `@Property({ unique, index })`, relations (`@ManyToOne(() => Author, { index: true })`),
// `@Index`/`@Unique` on properties or the class, and lifecycle hooks (`@BeforeCreate`, ...) as signals.
import { SyntaxKind, type ClassDeclaration } from 'ts-morph';
import type { Field, IndexDecl, ModelDecl, RelationKind, SignalDecl } from '../../../model/types';
import type { ImportTable } from '../syntax/imports';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';
import { argumentValues, decoratorsFrom, isTrue, option, optionsOf, stringOption, targetName } from './typeorm-decorators';

const MIKRO_MODULES = new Set(['@mikro-orm/core', '@mikro-orm/decorators/legacy', '@mikro-orm/decorators/es']);
const RELATIONS: ReadonlyMap<string, RelationKind> = new Map([
  ['ManyToOne', 'many-to-one'],
  ['OneToOne', 'one-to-one'],
  ['OneToMany', 'one-to-many'],
  ['ManyToMany', 'many-to-many'],
]);
const HOOKS = /^(Before|After)(Create|Update|Upsert|Delete)$|^On(Init|Load)$/;

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

export function extractMikroOrm(index: NodeIndex, imports: ImportTable, locator: Locator): { models: ModelDecl[]; signals: SignalDecl[] } {
  const models: ModelDecl[] = [];
  const signals: SignalDecl[] = [];
  for (const cls of index.of(SyntaxKind.ClassDeclaration)) {
    const entity = decoratorsFrom(cls, imports, MIKRO_MODULES).find((d) => d.name === 'Entity');
    if (!entity) continue;
    const model = entityOf(cls, imports, locator, signals);
    const tableName = stringOption(optionsOf(argumentValues(entity, locator)), 'tableName');
    models.push({ ...model, table: tableName ?? model.table });
  }
  return { models, signals };
}

function entityOf(cls: ClassDeclaration, imports: ImportTable, locator: Locator, signals: SignalDecl[]): ModelDecl {
  const name = cls.getName() ?? 'default';
  const fields: Field[] = [];
  const indexes: IndexDecl[] = [];
  for (const decorator of decoratorsFrom(cls, imports, MIKRO_MODULES)) {
    if (decorator.name !== 'Index' && decorator.name !== 'Unique') continue;
    const options = optionsOf(argumentValues(decorator, locator));
    const properties = option(options, 'properties');
    const fieldsOf =
      properties?.kind === 'list'
        ? properties.items.flatMap((item) => (item.kind === 'string' ? [item.value] : []))
        : properties?.kind === 'string'
          ? [properties.value]
          : [];
    if (fieldsOf.length)
      indexes.push({
        fields: fieldsOf,
        unique: decorator.name === 'Unique',
        source: `@${decorator.name}`,
        location: locator.of(decorator.node),
      });
  }
  for (const method of cls.getMethods()) {
    for (const hook of decoratorsFrom(method, imports, MIKRO_MODULES).filter((d) => HOOKS.test(d.name))) {
      signals.push({
        signal: hook.name,
        sender: name,
        handler: `${name}.${method.getName()}`,
        stack: 'mikro-orm',
        location: locator.of(method.getNameNode()),
      });
    }
  }
  for (const property of cls.getProperties()) {
    const decorators = decoratorsFrom(property, imports, MIKRO_MODULES);
    const relation = decorators.find((d) => RELATIONS.has(d.name));
    const column = decorators.find((d) => d.name === 'Property' || d.name === 'PrimaryKey' || d.name === 'Enum');
    if (!relation && !column) continue;
    const location = locator.of(property.getNameNode());
    const options = optionsOf(argumentValues(relation ?? column!, locator));
    const primaryKey = column?.name === 'PrimaryKey';
    const unique = primaryKey || isTrue(options, 'unique') || decorators.some((d) => d.name === 'Unique');
    const indexed = unique || isTrue(options, 'index') || decorators.some((d) => d.name === 'Index');
    const kind = relation ? RELATIONS.get(relation.name) : undefined;
    const owning = kind === 'many-to-one' || (kind === 'one-to-one' && isTrue(options, 'owner'));
    const fieldName = property.getName();
    fields.push({
      name: fieldName,
      column: stringOption(options, 'fieldName') ?? (owning ? `${snake(fieldName)}_id` : snake(fieldName)),
      type: relation ? relation.name : (property.getTypeNode()?.getText() ?? 'unknown'),
      primaryKey,
      unique,
      indexed,
      ...(kind
        ? { relation: { kind, target: (relation ? targetName(relation.args[0]) : undefined) ?? property.getTypeNode()?.getText() ?? '?' } }
        : {}),
      location,
    });
    if (indexed) indexes.push({ fields: [fieldName], unique, source: primaryKey ? 'primary key' : unique ? 'unique' : 'index', location });
  }
  const leading = new Set(indexes.map((index) => index.fields[0]));
  for (const field of fields) field.indexed = field.indexed || leading.has(field.name);
  return { name, stack: 'mikro-orm', table: snake(name), fields, indexes, location: locator.of(cls.getNameNode() ?? cls) };
}
