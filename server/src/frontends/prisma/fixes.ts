// The Prisma frontend's fix writer: `@@index([a, b])` at the end of a model block.
import type { Change } from '../../model/fix-plans';
import type { TextEdit } from '../../model/types';

export function writePrismaChange(change: Change): TextEdit[] | undefined {
  if (change.kind !== 'add-model-index' || change.model.stack !== 'prisma') return undefined;
  const at = change.model.bodyInsert;
  if (!at) return undefined;
  const attribute = change.unique ? '@@unique' : '@@index';
  return [
    {
      file: change.model.location.file,
      range: { start: at.position, end: at.position },
      newText: `${at.indent}${attribute}([${change.fields.join(', ')}])\n`,
    },
  ];
}
