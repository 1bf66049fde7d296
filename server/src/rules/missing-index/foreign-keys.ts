import { indexesForeignKeys, ormIndexesForeignKeys } from '../../model/foreign-key-indexes';
import type { Field, ModelDecl, ProjectModel, Stack } from '../../model/types';

/** The many-to-one relations of one ORM's models whose key column no index leads with. */
export function unindexedForeignKeys(model: ProjectModel, stack: Stack): { entity: ModelDecl; field: Field }[] {
  return model.models
    .filter((entity) => entity.stack === stack && !entity.abstract)
    .flatMap((entity) =>
      entity.fields.filter((field) => field.relation?.kind === 'many-to-one' && !field.indexed).map((field) => ({ entity, field })),
    );
}

/** The databases the model lives in where neither the database nor its ORM indexes a foreign key column. */
export function withoutForeignKeyIndexes(entity: ModelDecl, relationMode?: string): string[] {
  return (entity.databases ?? []).filter(
    (database) => !indexesForeignKeys(database, relationMode) && !ormIndexesForeignKeys(entity.stack, database),
  );
}
