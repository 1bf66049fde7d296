// Options objects: replace a value as written, or add `key: value` laid out the way the literal is.
import type { NewValue } from '../../../model/fix-plans';
import type { Location, ObjectValue, TextEdit } from '../../../model/types';
import { spellTypescript } from './spell';

export function replaceTypescriptValue(at: Location, value: NewValue): TextEdit[] {
  return [{ file: at.file, range: at.range, newText: spellTypescript(value, at.file) }];
}

/** Adds the entry where the frontend found the literal can take one; an object that is not one literal in one file gets none. */
export function addObjectEntry(object: ObjectValue, key: string, value: NewValue): TextEdit[] | undefined {
  const insertion = object.insertion;
  if (!insertion) return undefined;
  const entry = `${key}: ${spellTypescript(value, object.location.file)}`;
  return [{ file: object.location.file, range: insertion.range, newText: `${insertion.before}${entry}${insertion.after}` }];
}
