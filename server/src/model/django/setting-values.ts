// What a settings value is known to be without running the project. A value read from the
// environment is configured outside the code: only its literal default, if any, can be judged.
import type { Value } from '../types';

export interface KnownValue {
  value: Value;
  /** Set when the value is the default of an environment read: the variable's name. */
  env?: string;
}

export function knownValue(value: Value | undefined): KnownValue | undefined {
  if (!value || value.kind === 'unknown') return undefined;
  if (value.kind === 'env') return value.fallback ? { value: value.fallback, env: value.name ?? 'the variable' } : undefined;
  return { value };
}

// Environment defaults are strings that a cast turns into booleans (`env.bool`, decouple's `cast=bool`).
const TRUE_WORDS = new Set(['true', '1', 'yes', 'on', 't', 'y']);

/** Django's `is True` test (4.0+), applied to a literal or to an environment default as its cast would read it. */
export function isTrue(known: KnownValue): boolean {
  const { value } = known;
  if (value.kind === 'bool') return value.value;
  return known.env !== undefined && value.kind === 'string' && TRUE_WORDS.has(value.value.trim().toLowerCase());
}

/** Python truthiness of a literal (environment defaults read as their cast would). */
export function isTruthy(known: KnownValue): boolean {
  const { value } = known;
  switch (value.kind) {
    case 'bool':
      return value.value;
    case 'number':
      return value.value !== 0;
    case 'string':
      return known.env !== undefined ? TRUE_WORDS.has(value.value.trim().toLowerCase()) : value.value.length > 0;
    case 'list':
      return value.items.length > 0;
    case 'object':
      return value.entries.length > 0;
    default:
      return false;
  }
}

/** The strings of a list or tuple setting, or undefined when it is not a literal list. */
export function stringItems(value: Value | undefined): { text: string; value: Value }[] | undefined {
  if (!value || value.kind !== 'list') return undefined;
  return value.items.flatMap((item) => (item.kind === 'string' ? [{ text: item.value, value: item }] : []));
}

/** Python source for a value in a message: `False`, `"None"`, `0`. */
export function pythonLiteral(value: Value): string {
  switch (value.kind) {
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'number':
      return String(value.value);
    case 'string':
      return JSON.stringify(value.value);
    default:
      return 'a non-literal value';
  }
}
