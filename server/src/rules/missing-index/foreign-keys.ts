import type { Field, Finding, Fix, ModelDecl, ProjectModel, Stack } from '../../model/types';

/** The many-to-one relations of one ORM's models whose key column no index leads with. */
export function unindexedForeignKeys(model: ProjectModel, stack: Stack): { entity: ModelDecl; field: Field }[] {
  return model.models
    .filter((entity) => entity.stack === stack && !entity.abstract)
    .flatMap((entity) => entity.fields.filter((field) => field.relation?.kind === 'many-to-one' && !field.indexed).map((field) => ({ entity, field })));
}

export function foreignKeyFinding(field: Field, message: string, fixes: Fix[] = []): Finding {
  return { rule: 'missing-index', severity: 'warning', file: field.location.file, range: field.location.range, message, fixes };
}
