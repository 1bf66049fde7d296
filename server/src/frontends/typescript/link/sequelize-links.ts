// Sequelize spreads a model over files: attributes in `init()`, foreign keys in associations
// (often in an `associate()` of another model), indexes in migrations. This joins them by model
// name and table name.
import type { Field, FileFacts, IndexDecl, ModelDecl } from '../../../model/types';

export function linkSequelizeModels(models: readonly ModelDecl[], files: ReadonlyMap<string, FileFacts>): ModelDecl[] {
  if (!models.some((m) => m.stack === 'sequelize')) return [...models];
  const foreignKeys = [...files.values()].flatMap((facts) => facts.foreignKeys ?? []);
  const tableIndexes = [...files.values()].flatMap((facts) => facts.tableIndexes ?? []);
  return models.map((model) => {
    if (model.stack !== 'sequelize') return model;
    const fields: Field[] = model.fields.map((field) => ({ ...field }));
    for (const key of foreignKeys.filter((fk) => fk.model === model.name)) {
      const relation = { kind: 'many-to-one' as const, target: key.target };
      const existing = fields.find((field) => field.name === key.column || field.column === key.column);
      // An association adds its key column when the attributes do not declare it.
      if (existing) existing.relation ??= relation;
      else
        fields.push({
          name: key.column,
          column: key.column,
          type: 'INTEGER',
          primaryKey: false,
          unique: false,
          indexed: false,
          relation,
          location: key.location,
        });
    }
    const migrated: IndexDecl[] = tableIndexes
      .filter((index) => index.table.toLowerCase() === model.table.toLowerCase())
      .map((index) => ({ fields: index.fields, unique: index.unique, source: 'migration', location: index.location }));
    const indexes = [...model.indexes, ...migrated];
    const leading = new Set(indexes.map((index) => index.fields[0]));
    for (const field of fields) field.indexed = field.primaryKey || field.unique || leading.has(field.name) || leading.has(field.column);
    return { ...model, fields, indexes };
  });
}
