// The Django template frontend's fix writer. Templates read attributes with Python's dots
// (`{{ book.author_id }}`), so an attribute path is written as it is; nothing else is written in a template.
import type { Change } from '../../model/fix-plans';
import type { TextEdit } from '../../model/types';

export function writeTemplateChange(change: Change): TextEdit[] | undefined {
  if (change.kind !== 'replace-expression' || change.value.kind !== 'attribute') return undefined;
  return [{ file: change.at.file, range: change.at.range, newText: change.value.path.join('.') }];
}
