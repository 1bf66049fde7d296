import type { Value } from '../../model/types';

export type ObjectValue = Extract<Value, { kind: 'object' }>;

/** What can be said about one option key. */
export type OptionState =
  /** The key is not there, and nothing hides it (no unreadable spread). */
  | { state: 'absent' }
  /** The key may or may not be there: say nothing. */
  | { state: 'unknown' }
  | { state: 'present'; value: Value };

export function optionOf(object: ObjectValue, key: string): OptionState {
  const entry = object.entries.find((e) => e.key === key);
  if (entry) return { state: 'present', value: entry.value };
  return object.partial ? { state: 'unknown' } : { state: 'absent' };
}

/** The value of `key` when it is written as `false`: flags such as `httpOnly` and `signed` are insecure only when turned off. */
export function falseOption(object: ObjectValue, key: string): Value | undefined {
  const option = optionOf(object, key);
  return option.state === 'present' && option.value.kind === 'bool' && !option.value.value ? option.value : undefined;
}

/** Whether a cookie is marked Secure: true/'auto'/environment-dependent count; unreadable values are given the benefit of the doubt. */
export function secureState(cookie: OptionState): 'secure' | 'insecure' | 'unknown' {
  if (cookie.state === 'unknown') return 'unknown';
  if (cookie.state === 'absent') return 'insecure';
  // A cookie option that is not an object literal (a call, a shared const from elsewhere) cannot be judged.
  if (cookie.value.kind !== 'object') return 'unknown';
  const secure = optionOf(cookie.value, 'secure');
  if (secure.state === 'unknown') return 'unknown';
  if (secure.state === 'absent') return 'insecure';
  const value = secure.value;
  if (value.kind === 'none' || (value.kind === 'bool' && !value.value)) return 'insecure';
  if (value.kind === 'unknown') return 'unknown';
  return 'secure';
}
