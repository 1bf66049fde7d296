// A named import: added to the file's existing import of the module (`import { Entity, In } from 'typeorm'`).
// A file that does not import the module yet gets no fix: where a new import line goes, and whether the
// file is CommonJS, is not known here.
import type { ProjectModel, TextEdit } from '../../../model/types';

export function addNamedImport(model: ProjectModel, file: string, module: string, name: string | undefined): TextEdit[] | undefined {
  const existing = model.files.get(file)?.namedImports?.find((entry) => entry.module === module);
  if (!existing || !name) return undefined;
  if (existing.names.includes(name)) return [];
  return [{ file, range: { start: existing.insertAt, end: existing.insertAt }, newText: `, ${name}` }];
}
