// An index on a Django model: an item of Meta.indexes (in the list, in a new `indexes`, or in a new
// `class Meta`), or `db_index=True` on the field's declaration.
import type { ModelDecl, Position, TextEdit } from '../../../model/types';

export function addDjangoIndex(
  model: ModelDecl,
  fields: readonly string[],
  form: 'options' | 'field-option' = 'options',
): TextEdit[] | undefined {
  if (form === 'field-option') {
    const field = fields.length === 1 ? model.fields.find((f) => f.name === fields[0]) : undefined;
    const at = field?.argumentInsert;
    return field && at ? [{ file: field.location.file, range: { start: at, end: at }, newText: ', db_index=True' }] : undefined;
  }
  const index = `models.Index(fields=[${fields.map((name) => JSON.stringify(name)).join(', ')}])`;
  const file = model.location.file;
  const insert = (at: Position, newText: string): TextEdit[] => [{ file, range: { start: at, end: at }, newText }];
  const { indexes, body } = model.options ?? {};
  if (indexes) return insert(indexes.insert, indexes.empty ? index : indexes.indent ? `,\n${indexes.indent}${index}` : `, ${index}`);
  if (body) return insert(body.position, `\n${body.indent}indexes = [${index}]`);
  const classBody = model.bodyInsert;
  if (!classBody) return undefined;
  return insert(classBody.position, `\n\n${classBody.indent}class Meta:\n${classBody.indent}    indexes = [${index}]`);
}
