import type { Fix, Value } from '../../model/types';

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
