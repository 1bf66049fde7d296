// Edits to Django settings modules. Each fix changes the one assignment that is in effect, or adds
// the missing setting to the module Django is pointed at.
import type { Fix, ProjectModel, SettingsModule, TextEdit, Value } from '../../model/types';

/** Replaces a value as written (`False` → `True`, a literal secret → an environment read). */
export function replaceValue(model: ProjectModel, title: string, value: Value, newText: string, needsOs = false): Fix {
  const edits: TextEdit[] = [{ file: value.location.file, range: value.location.range, newText }];
  if (needsOs) edits.push(...importOs(model, value.location.file));
  return { title, isPreferred: true, edits };
}

/** Appends `NAME = value` to the settings module. */
export function appendSetting(title: string, module: SettingsModule, line: string): Fix {
  const at = module.append.position;
  // The append point is the end of the last statement; start a fresh line unless it is already one.
  const prefix = at.character === 0 ? '' : '\n';
  return { title, isPreferred: true, edits: [{ file: module.file, range: { start: at, end: at }, newText: `${prefix}${module.append.indent}${line}\n` }] };
}

/** `import os`, unless the file already has it. */
function importOs(model: ProjectModel, file: string): TextEdit[] {
  const facts = model.files.get(file);
  const imports = facts?.imports ?? [];
  // `from os import environ` also lists `os`, but binds only `environ`; `import os` lists `os` and no child.
  const importsOs = imports.includes('os') && !imports.some((spec) => spec.startsWith('os.'));
  if (importsOs) return [];
  const at = facts?.settings?.importInsert ?? { position: { line: 0, character: 0 }, indent: '' };
  return [{ file, range: { start: at.position, end: at.position }, newText: `import os\n` }];
}
