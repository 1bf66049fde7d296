// sequelize-typescript models: `@Table` classes with `@Column`, `@PrimaryKey`, `@Unique`, `@Index`,
// `@ForeignKey(() => User)`, `@BelongsTo(() => User)` and hook decorators (`@BeforeCreate`). Same
// facts as `Model.init()`: they join the linking of associations and migration indexes.
import { SyntaxKind } from 'ts-morph';
import type { Field, IndexDecl, ModelDecl, SignalDecl } from '../../../model/types';
import type { ImportTable } from '../syntax/imports';
import type { NodeIndex } from '../syntax/node-index';
import type { SequelizeFacts } from './sequelize-models';
import type { Locator } from '../syntax/source';
import { argumentValues, decoratorsFrom, isTrue, option, optionsOf, stringOption, targetName } from './typeorm-decorators';

/** sequelize-typescript, and the decorators of Sequelize 7 (`@sequelize/core`). */
const MODULES = new Set(['sequelize-typescript', '@sequelize/core/decorators-legacy']);
const COLUMNS = new Set(['Column', 'Attribute', 'PrimaryKey']);
const HOOK = /^(Before|After)[A-Z]\w*$/;

export function extractSequelizeDecorators(index: NodeIndex, imports: ImportTable, locator: Locator, into: SequelizeFacts): void {
  for (const cls of index.of(SyntaxKind.ClassDeclaration)) {
    const classDecorators = decoratorsFrom(cls, imports, MODULES);
    const table = classDecorators.find((d) => d.name === 'Table');
    const name = cls.getName();
    // Sequelize 7 models need no @Table: a class of Model with attribute decorators is one.
    const v7 = cls.getProperties().some((p) => decoratorsFrom(p, imports, MODULES).some((d) => d.name === 'Attribute'));
    if ((!table && !v7) || !name) continue;
    const tableOptions = table ? optionsOf(argumentValues(table, locator)) : undefined;
    const fields: Field[] = [];
    const indexes: IndexDecl[] = [];
    for (const property of cls.getProperties()) {
      const decorators = decoratorsFrom(property, imports, MODULES);
      const names = new Set(decorators.map((d) => d.name));
      const location = locator.of(property.getNameNode());
      const foreignKey = decorators.find((d) => d.name === 'ForeignKey');
      const belongsTo = decorators.find((d) => d.name === 'BelongsTo');
      if (belongsTo) {
        const target = targetName(belongsTo.args[0]);
        const [, second] = argumentValues(belongsTo, locator);
        const column = second?.kind === 'string' ? second.value : stringOption(optionsOf(second ? [second] : []), 'foreignKey');
        if (target && column) into.foreignKeys.push({ model: name, column, target, location });
        continue;
      }
      if (![...names].some((n) => COLUMNS.has(n))) continue;
      const options = optionsOf(
        argumentValues(decorators.find((d) => d.name === 'Column' || d.name === 'Attribute') ?? decorators[0], locator),
      );
      const primaryKey = names.has('PrimaryKey') || isTrue(options, 'primaryKey');
      const unique = primaryKey || names.has('Unique') || isTrue(options, 'unique');
      const field: Field = {
        name: property.getName(),
        column: stringOption(options, 'field') ?? property.getName(),
        type: property.getTypeNode()?.getText() ?? 'unknown',
        primaryKey,
        unique,
        indexed: unique || names.has('Index'),
        location,
      };
      const target = foreignKey ? targetName(foreignKey.args[0]) : undefined;
      if (target) into.foreignKeys.push({ model: name, column: field.name, target, location });
      if (field.indexed)
        indexes.push({ fields: [field.name], unique, source: primaryKey ? 'primary key' : unique ? 'unique' : '@Index', location });
      fields.push(field);
    }
    const declared = option(tableOptions, 'indexes');
    if (declared?.kind === 'list') {
      for (const item of declared.items) {
        if (item.kind !== 'object') continue;
        const list = item.entries.find((e) => e.key === 'fields')?.value;
        const columns = list?.kind === 'list' ? list.items.flatMap((v) => (v.kind === 'string' ? [v.value] : [])) : [];
        const uniqueIndex = item.entries.find((e) => e.key === 'unique')?.value;
        indexes.push({
          fields: columns,
          unique: uniqueIndex?.kind === 'bool' && uniqueIndex.value,
          source: 'indexes',
          location: item.location,
        });
      }
    }
    const hooks: SignalDecl[] = cls.getStaticMethods().flatMap((method) =>
      decoratorsFrom(method, imports, MODULES)
        .filter((d) => HOOK.test(d.name))
        .map((d) => ({
          signal: d.name[0].toLowerCase() + d.name.slice(1),
          sender: name,
          handler: `${name}.${method.getName()}`,
          stack: 'sequelize' as const,
          location: locator.of(method.getNameNode()),
        })),
    );
    into.signals.push(...hooks);
    const leading = new Set(indexes.map((i) => i.fields[0]));
    for (const field of fields) field.indexed = field.indexed || leading.has(field.name);
    into.models.push({
      name,
      stack: 'sequelize',
      table: stringOption(tableOptions, 'tableName') ?? `${name}s`,
      fields,
      indexes,
      location: locator.of(cls.getNameNode() ?? cls),
    });
  }
}
