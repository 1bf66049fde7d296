// Django settings: replace a value as written, or append `NAME = value` to the module Django reads.
import type { NewValue } from '../../../model/fix-plans';
import type { Location, ProjectModel, SettingsModule, TextEdit } from '../../../model/types';
import { addPythonImport } from './imports';
import { spellPython } from './spell';

export function replacePythonValue(model: ProjectModel, at: Location, value: NewValue): TextEdit[] {
  const spelled = spellPython(value);
  const edits: TextEdit[] = [{ file: at.file, range: at.range, newText: spelled.text }];
  if (spelled.needsOs) edits.push(...addPythonImport(model, at.file, 'os'));
  return edits;
}

/** The module's own assignment of `name` (or the one the rule points at) gets the value; else a new line at the end. */
export function setSetting(model: ProjectModel, module: SettingsModule, name: string, value: NewValue, assignment?: Location): TextEdit[] {
  const own = assignment ?? module.assignments.get(name)?.value.location;
  if (own) return replacePythonValue(model, own, value);
  const spelled = spellPython(value);
  const at = module.append.position;
  // The append point is the end of the last statement; start a fresh line unless it is already one.
  const prefix = at.character === 0 ? '' : '\n';
  const edits: TextEdit[] = [
    { file: module.file, range: { start: at, end: at }, newText: `${prefix}${module.append.indent}${name} = ${spelled.text}\n` },
  ];
  if (spelled.needsOs) edits.push(...addPythonImport(model, module.file, 'os'));
  return edits;
}
