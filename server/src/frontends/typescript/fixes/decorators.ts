// Decorators on entity fields: `@Index()` above a TypeORM column or relation, imported from 'typeorm'.
import type { Field, ModelDecl, ProjectModel, TextEdit } from '../../../model/types';
import { addNamedImport } from './imports';

export function addFieldDecorator(model: ProjectModel, field: Field, decorator: string, module: string): TextEdit[] | undefined {
  const at = field.annotationInsert;
  if (!at) return undefined;
  const imported = addNamedImport(model, field.location.file, module, decorator);
  if (!imported) return undefined;
  return [
    { file: field.location.file, range: { start: at.position, end: at.position }, newText: `${at.indent}@${decorator}()\n` },
    ...imported,
  ];
}

/** An index on one column of a TypeORM entity: `@Index()` on the field. Composite indexes are not written yet. */
export function addEntityIndex(model: ProjectModel, entity: ModelDecl, fields: readonly string[]): TextEdit[] | undefined {
  if (entity.stack !== 'typeorm' || fields.length !== 1) return undefined;
  const field = entity.fields.find((f) => f.name === fields[0]);
  return field ? addFieldDecorator(model, field, 'Index', 'typeorm') : undefined;
}
