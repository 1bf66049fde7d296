import type { Fix, Location, MiddlewareChain, MiddlewareEntry, Position, SessionConfig, Value } from '../../model/types';

type ObjectValue = Extract<Value, { kind: 'object' }>;

/** A fix that replaces a value as written (`false` → `true`). */
export function replaceValueFix(title: string, value: Value, newText: string): Fix {
  return { title, isPreferred: true, edits: [{ file: value.location.file, range: value.location.range, newText }] };
}

/** A fix that adds `key: value` to an object literal, laid out the way the frontend says the literal is written. */
export function insertEntryFix(title: string, object: ObjectValue, entry: string): Fix | undefined {
  const insertion = object.insertion;
  if (!insertion) return undefined;
  return {
    title,
    isPreferred: true,
    edits: [{ file: object.location.file, range: insertion.range, newText: `${insertion.before}${entry}${insertion.after}` }],
  };
}

/** `process.env.NAME!` in TypeScript (the option's type is `string`), `process.env.NAME` in JavaScript. */
export function envReference(file: string, name: string): string {
  const typescript = ['.ts', '.tsx', '.mts', '.cts'].some((extension) => file.endsWith(extension));
  return `process.env.${name}${typescript ? '!' : ''}`;
}

/** Sets `key` to `text` in an object literal: replaces the value as written, or adds `key: text` when the key is absent. */
export function setOptionFix(title: string, object: ObjectValue, key: string, text: string): Fix | undefined {
  const entry = object.entries.find((e) => e.key === key);
  return entry ? replaceValueFix(title, entry.value, text) : insertEntryFix(title, object, `${key}: ${text}`);
}

/**
 * Replaces a hard-coded secret (a literal or a list of literals) with `process.env.NAME`, wrapped in a list
 * for options that must be one (Keygrip's `keys`). A list mixing literals with other values is a rotation in
 * progress: rewriting it would drop the value that is not a literal, so it gets no fix.
 */
export function envSecretFix(title: string, value: Value, variable: string, shape: 'value' | 'list' = 'value'): Fix | undefined {
  const literal = (item: Value) => item.kind === 'string';
  if (!literal(value) && !(value.kind === 'list' && value.items.length > 0 && value.items.every(literal))) return undefined;
  const reference = envReference(value.location.file, variable);
  return replaceValueFix(title, value, shape === 'list' ? `[${reference}]` : reference);
}

/**
 * Replaces the entry `key: { a, b }` of `object` with `a, b` (as written), leaving out the keys `object`
 * already has, which win today. Only for an object literal written in place, whose entries are all its own.
 */
export function inlineEntryFix(title: string, object: ObjectValue, key: string): Fix | undefined {
  const entry = object.entries.find((e) => e.key === key);
  const inner = entry?.value;
  if (!entry || !inner || inner.kind !== 'object' || inner.partial || !object.insertion || object.partial) return undefined;
  if (!within(inner.location, entry.location) || !inner.entries.every((e) => e.text !== undefined && within(e.location, inner.location))) return undefined;
  const kept = inner.entries.filter((e) => !object.entries.some((outer) => outer.key === e.key));
  // Nothing left to move: removing the entry alone would also need its comma, which is not part of it.
  if (kept.length === 0) return undefined;
  // The separator the literal already uses between entries: a new line at the entries' indentation, or `, `.
  const before = object.insertion.before;
  const separator = before.includes('\n') ? `,\n${before.slice(before.lastIndexOf('\n') + 1)}` : ', ';
  return {
    title,
    isPreferred: true,
    edits: [{ file: entry.location.file, range: entry.location.range, newText: kept.map((e) => e.text).join(separator) }],
  };
}

/** Whether `inner` lies inside `outer` (same file). */
/** Whether the chain registers the session: in one of its entries, or in a router it mounts. */
export function registers(chain: MiddlewareChain, session: SessionConfig): boolean {
  const holds = (entries: readonly MiddlewareEntry[]): boolean => entries.some((entry) => within(session.call, entry.location) || holds(entry.mounted ?? []));
  return holds(chain.entries);
}

export function within(inner: Location, outer: Location): boolean {
  const { start, end } = outer.range;
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return inner.file === outer.file && after(inner.range.start, start) && after(end, inner.range.end);
}
