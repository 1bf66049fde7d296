// The quick fixes of this rule, as plans: which value to write where. The frontends write the source.
import type { FixPlan, NewValue } from '../../model/fix-plans';
import type { ObjectValue, SettingsModule, Value } from '../../model/types';

export const TRUE: NewValue = { kind: 'bool', value: true };

/** A new nested object with one entry: `cookie: { secure: true }`. */
export const objectWith = (key: string, value: NewValue): NewValue => ({ kind: 'object', entries: [{ key, value }] });

/** Replaces a value as written (`false` → `true`, a literal secret → an environment read). */
export function replacePlan(title: string, value: Value, newValue: NewValue): FixPlan {
  return { title, preferred: true, changes: [{ kind: 'replace-value', at: value.location, value: newValue }] };
}

/** Adds `key: value` to an object literal (the frontend refuses an object it cannot edit in place). */
export function addEntryPlan(title: string, object: ObjectValue, key: string, value: NewValue): FixPlan {
  return { title, preferred: true, changes: [{ kind: 'add-object-entry', object, key, value }] };
}

/** Sets `key` in an object literal: replaces the value as written, or adds the entry when the key is absent. */
export function setOptionPlan(title: string, object: ObjectValue, key: string, value: NewValue): FixPlan {
  const entry = object.entries.find((e) => e.key === key);
  return entry ? replacePlan(title, entry.value, value) : addEntryPlan(title, object, key, value);
}

/** Appends `NAME = value` to the settings module Django is pointed at. */
export function appendSettingPlan(title: string, module: SettingsModule, name: string, value: NewValue): FixPlan {
  return { title, preferred: true, changes: [{ kind: 'set-setting', module, name, value }] };
}

/**
 * Replaces a hard-coded secret (a literal or a list of literals) with the environment variable, wrapped in a list
 * for options that must be one (Keygrip's `keys`). A list mixing literals with other values is a rotation in
 * progress: rewriting it would drop the value that is not a literal, so it gets no fix.
 */
export function envSecretPlan(title: string, value: Value, variable: string, shape: 'value' | 'list' = 'value'): FixPlan | undefined {
  const literal = (item: Value) => item.kind === 'string';
  if (!literal(value) && !(value.kind === 'list' && value.items.length > 0 && value.items.every(literal))) return undefined;
  return replacePlan(title, value, { kind: 'env', name: variable, ...(shape === 'list' ? { list: true } : {}) });
}
