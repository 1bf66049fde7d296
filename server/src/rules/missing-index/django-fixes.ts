// Adds an index to a Django model: an item of Meta.indexes (in the list, in a new `indexes`, or in a
// new `class Meta`), or `db_index=True` on the field.
import type { Field, Fix, ModelDecl, TextEdit } from '../../model/types';

export function metaIndexFix(model: ModelDecl, field: Field): Fix | undefined {
  const index = `models.Index(fields=[${JSON.stringify(field.name)}])`;
  const file = model.location.file;
  const insert = (position: TextEdit['range']['start'], newText: string): Fix => ({
    title: `Add an index on ${model.name}.${field.name} to Meta.indexes`,
    isPreferred: true,
    edits: [{ file, range: { start: position, end: position }, newText }],
  });
  const { indexes, body } = model.options ?? {};
  if (indexes) return insert(indexes.insert, indexes.empty ? index : indexes.indent ? `,\n${indexes.indent}${index}` : `, ${index}`);
  if (body) return insert(body.position, `\n${body.indent}indexes = [${index}]`);
  const classBody = model.bodyInsert;
  if (!classBody) return undefined;
  return insert(classBody.position, `\n\n${classBody.indent}class Meta:\n${classBody.indent}    indexes = [${index}]`);
}

export function dbIndexFix(model: ModelDecl, field: Field): Fix | undefined {
  if (!field.argumentInsert) return undefined;
  const at = field.argumentInsert;
  return { title: `Set db_index=True on ${model.name}.${field.name}`, edits: [{ file: field.location.file, range: { start: at, end: at }, newText: ', db_index=True' }] };
}
