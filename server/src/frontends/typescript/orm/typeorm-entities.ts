import { Node, SyntaxKind, type ClassDeclaration, type PropertyDeclaration } from 'ts-morph';
import type { Field, IndexDecl, InsertPoint, ModelDecl, RelationKind } from '../../../model/types';
import type { ImportTable } from '../syntax/imports';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';
import {
  argumentValues,
  isTrue,
  optionsOf,
  propertyNames,
  stringOption,
  targetName,
  typeormDecorators,
  type TypeormDecorator,
} from './typeorm-decorators';
import { defaultJoinColumnName, defaultTableName } from './typeorm-naming';

const COLUMN_DECORATORS = new Set([
  'Column',
  'PrimaryColumn',
  'PrimaryGeneratedColumn',
  'CreateDateColumn',
  'UpdateDateColumn',
  'DeleteDateColumn',
  'VersionColumn',
  'ObjectIdColumn',
]);
const PRIMARY_DECORATORS = new Set(['PrimaryColumn', 'PrimaryGeneratedColumn', 'ObjectIdColumn']);
/** Decorators whose first string argument is the column type (`@Column('text')`). */
const TYPE_FIRST_DECORATORS = new Set(['Column', 'PrimaryColumn']);

const RELATION_KINDS: ReadonlyMap<string, RelationKind> = new Map([
  ['ManyToOne', 'many-to-one'],
  ['OneToOne', 'one-to-one'],
  ['OneToMany', 'one-to-many'],
  ['ManyToMany', 'many-to-many'],
]);

/** TypeORM `@Entity()` classes: table, columns, relations and every index TypeORM creates. */
export function extractEntities(index: NodeIndex, imports: ImportTable, locator: Locator): ModelDecl[] {
  const models: ModelDecl[] = [];
  for (const cls of index.of(SyntaxKind.ClassDeclaration)) {
    const entity = typeormDecorators(cls, imports).find((d) => d.name === 'Entity');
    if (entity) models.push(entityOf(cls, entity, imports, locator));
  }
  return models;
}

function entityOf(cls: ClassDeclaration, entity: TypeormDecorator, imports: ImportTable, locator: Locator): ModelDecl {
  const name = cls.getName() ?? 'default';
  const [first] = argumentValues(entity, locator);
  const givenTable = first?.kind === 'string' ? first.value : stringOption(optionsOf(first ? [first] : []), 'name');
  const fields: Field[] = [];
  const indexes: IndexDecl[] = [];
  const primary: Field[] = [];
  for (const property of cls.getProperties()) {
    const decorators = typeormDecorators(property, imports);
    const field = fieldOf(property, decorators, locator, indexes);
    if (!field) continue;
    fields.push(field);
    if (field.primaryKey) primary.push(field);
  }
  if (primary.length > 0) {
    indexes.unshift({ fields: primary.map((f) => f.name), unique: true, source: 'primary key', location: primary[0].location });
  }
  for (const decorator of typeormDecorators(cls, imports)) {
    const index = classIndexOf(decorator, locator);
    if (index) indexes.push(index);
  }
  for (const field of fields) field.indexed = indexes.some((index) => index.fields[0] === field.name);
  const bases = cls
    .getHeritageClauses()
    .filter((h) => h.getToken() === SyntaxKind.ExtendsKeyword)
    .flatMap((h) => h.getTypeNodes().map((t) => t.getExpression().getText()));
  return {
    name,
    stack: 'typeorm',
    table: givenTable ?? defaultTableName(name),
    fields,
    indexes,
    ...(cls.isAbstract() ? { abstract: true } : {}),
    ...(bases.length > 0 ? { bases } : {}),
    location: locator.of(cls.getNameNode() ?? cls),
    bodyInsert: bodyInsertOf(cls, locator),
  };
}

/** A column or relation property as a field; its own indexes (unique, `@Index`, one-to-one) go to `indexes`. */
function fieldOf(property: PropertyDeclaration, decorators: TypeormDecorator[], locator: Locator, indexes: IndexDecl[]): Field | undefined {
  const name = property.getName();
  const location = locator.of(property.getNameNode());
  const firstLine = locator.position(property.getStart()).line;
  const annotationInsert = { position: { line: firstLine, character: 0 }, indent: locator.indentOfLine(firstLine) };
  const column = decorators.find((d) => COLUMN_DECORATORS.has(d.name));
  const relation = decorators.find((d) => RELATION_KINDS.has(d.name));
  if (!column && !relation) return undefined;
  const typeText = property.getTypeNode()?.getText() ?? 'unknown';
  let field: Field;
  if (relation) {
    const kind = RELATION_KINDS.get(relation.name) as RelationKind;
    const options = optionsOf(argumentValues(relation, locator));
    const joinColumn = decorators.find((d) => d.name === 'JoinColumn');
    const joinOptions = joinColumn ? optionsOf(argumentValues(joinColumn, locator)) : undefined;
    const owning = kind === 'many-to-one' || (kind === 'one-to-one' && joinColumn !== undefined);
    const inverse = inverseSide(relation.args[1]);
    const lazy = isTrue(options, 'lazy') || isPromiseType(property);
    field = {
      name,
      column: owning
        ? (stringOption(joinOptions, 'name') ?? defaultJoinColumnName(name, stringOption(joinOptions, 'referencedColumnName')))
        : name,
      type: relation.name,
      primaryKey: false,
      // TypeORM adds a unique constraint (REL_…) on the owning side of a one-to-one.
      unique: kind === 'one-to-one' && owning,
      indexed: false,
      ...(owning ? { nullable: !isFalse(options, 'nullable') } : {}),
      relation: {
        kind,
        target: targetName(relation.args[0]) ?? typeText,
        ...(inverse ? { relatedName: inverse } : {}),
        ...(owning ? { nullable: !isFalse(options, 'nullable') } : {}),
        eager: isTrue(options, 'eager'),
        lazy,
        ...(isFalse(options, 'createForeignKeyConstraints') ? { noConstraint: true } : {}),
        ...(owning && stringOption(joinOptions, 'referencedColumnName')
          ? { references: [stringOption(joinOptions, 'referencedColumnName') as string] }
          : {}),
      },
      location,
      annotationInsert,
    };
    if (field.unique) indexes.push({ fields: [name], unique: true, source: 'one-to-one', location });
  } else {
    const decorator = column as TypeormDecorator;
    const values = argumentValues(decorator, locator);
    const options = optionsOf(values);
    const firstString = values[0]?.kind === 'string' ? values[0].value : undefined;
    const strategyType = decorator.name === 'PrimaryGeneratedColumn' && firstString === 'uuid' ? 'uuid' : undefined;
    field = {
      name,
      column: stringOption(options, 'name') ?? name,
      type:
        (TYPE_FIRST_DECORATORS.has(decorator.name) ? firstString : undefined) ?? stringOption(options, 'type') ?? strategyType ?? typeText,
      primaryKey: PRIMARY_DECORATORS.has(decorator.name) || isTrue(options, 'primary'),
      unique: isTrue(options, 'unique'),
      indexed: false,
      nullable: isTrue(options, 'nullable') || decorator.name === 'DeleteDateColumn',
      location,
      annotationInsert,
    };
    if (field.unique) indexes.push({ fields: [name], unique: true, source: 'unique', location });
  }
  for (const index of decorators.filter((d) => d.name === 'Index')) {
    const values = argumentValues(index, locator);
    const options = optionsOf(values);
    const indexName = values[0]?.kind === 'string' ? values[0].value : undefined;
    const condition = stringOption(options, 'where');
    indexes.push({
      fields: [name],
      unique: isTrue(options, 'unique'),
      source: '@Index',
      ...(indexName ? { name: indexName } : {}),
      ...(condition ? { condition } : {}),
      location: locator.of(index.node),
    });
  }
  return field;
}

/** Class-level `@Index([...], opts)`, `@Index('name', [...])`, `@Unique([...])`, `@Unique('name', [...])`. */
function classIndexOf(decorator: TypeormDecorator, locator: Locator): IndexDecl | undefined {
  if (decorator.name !== 'Index' && decorator.name !== 'Unique') return undefined;
  const values = argumentValues(decorator, locator);
  const named = values[0]?.kind === 'string';
  const fields = propertyNames(decorator.args[named ? 1 : 0], locator);
  if (!fields || fields.length === 0) return undefined;
  const options = optionsOf(values);
  const condition = stringOption(options, 'where');
  return {
    fields,
    unique: decorator.name === 'Unique' || isTrue(options, 'unique'),
    source: `@${decorator.name}`,
    ...(named && values[0].kind === 'string' ? { name: values[0].value } : {}),
    ...(condition ? { condition } : {}),
    location: locator.of(decorator.node),
  };
}

function isFalse(options: Parameters<typeof isTrue>[0], key: string): boolean {
  const value = options?.entries.find((e) => e.key === key)?.value;
  return value?.kind === 'bool' && !value.value;
}

/** `(user) => user.posts` or `'posts'`: the inverse side's property. */
function inverseSide(arg: Node | undefined): string | undefined {
  if (!arg) return undefined;
  if (Node.isStringLiteral(arg)) return arg.getLiteralValue();
  if (Node.isArrowFunction(arg) || Node.isFunctionExpression(arg)) {
    const body = arg.getBody();
    if (body && Node.isPropertyAccessExpression(body)) return body.getName();
  }
  return undefined;
}

/** A `Promise<T>` property makes a relation lazy; `Relation<T>` (the ESM wrapper) does not. */
function isPromiseType(property: PropertyDeclaration): boolean {
  const type = property.getTypeNode();
  return type !== undefined && Node.isTypeReference(type) && type.getTypeName().getText() === 'Promise';
}

/** Before the class's closing brace, on its own line, indented like the members. */
function bodyInsertOf(cls: ClassDeclaration, locator: Locator): InsertPoint {
  const close = cls.getEnd() - 1;
  const closePosition = locator.position(close);
  const members = cls.getMembers();
  const lastLine = members.length > 0 ? locator.position(members[members.length - 1].getEnd()).line : locator.position(cls.getStart()).line;
  if (closePosition.line > lastLine && locator.indentOfLine(closePosition.line).length === closePosition.character) {
    const indent =
      members.length > 0
        ? locator.indentOfLine(locator.position(members[0].getStart()).line)
        : `${locator.indentOfLine(closePosition.line)}  `;
    return { position: { line: closePosition.line, character: 0 }, indent };
  }
  return { position: closePosition, indent: '' };
}
