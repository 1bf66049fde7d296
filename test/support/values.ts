import type { Value } from '../../server/src/model/types';

/** A Value without locations, for readable assertions. */
export function plain(value: Value | undefined): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'object':
      return Object.fromEntries(value.entries.map((e) => [e.key, plain(e.value)]));
    case 'list':
      return value.items.map(plain);
    case 'env':
      return { env: value.name, ...(value.fallback ? { fallback: plain(value.fallback) } : {}) };
    case 'unknown':
      return { unknown: value.text };
    case 'none':
      return null;
    default:
      return value.value;
  }
}
