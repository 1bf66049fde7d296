// Edits to a Django MIDDLEWARE list: move an entry's line, insert a new entry. A line is moved only
// when it holds exactly one entry and no comment, so that moving it moves that entry and nothing else.
import type { MiddlewareChain, MiddlewareEntry, ProjectModel, TextEdit } from '../../../model/types';

const lineOf = (entry: MiddlewareEntry) => entry.location.range.start.line;

/** The entry sits alone on its line, inside the list's brackets. */
function alone(chain: MiddlewareChain, entry: MiddlewareEntry): boolean {
  return (
    entry.location.range.end.line === lineOf(entry) &&
    lineOf(entry) !== chain.location.range.start.line &&
    lineOf(entry) !== chain.location.range.end.line &&
    chain.entries.filter((other) => lineOf(other) === lineOf(entry)).length === 1
  );
}

const quoted = (chain: MiddlewareChain, name: string) => {
  const quote = chain.entries.find((entry) => entry.text)?.text?.[0] ?? '"';
  return `${quote}${name}${quote}`;
};

/** Moves `entry`'s line right above (or below) `anchor`'s line. */
export function moveListEntry(
  model: ProjectModel,
  chain: MiddlewareChain,
  entry: MiddlewareEntry,
  anchor: MiddlewareEntry,
  where: 'before' | 'after',
): TextEdit[] | undefined {
  if (!alone(chain, entry) || !alone(chain, anchor) || entry.location.file !== anchor.location.file) return undefined;
  const comments = model.files.get(entry.location.file)?.comments ?? [];
  if (comments.some((comment) => comment.line === lineOf(entry))) return undefined;
  const indent = ' '.repeat(anchor.location.range.start.character);
  const text = entry.text ?? JSON.stringify(entry.name);
  const file = entry.location.file;
  const target = where === 'before' ? lineOf(anchor) : lineOf(anchor) + 1;
  return [
    { file, range: { start: { line: target, character: 0 }, end: { line: target, character: 0 } }, newText: `${indent}${text},\n` },
    { file, range: { start: { line: lineOf(entry), character: 0 }, end: { line: lineOf(entry) + 1, character: 0 } }, newText: '' },
  ];
}

/** Adds `name` before `before` (on its own line when `before` is alone on its line), or after the last entry. */
export function insertListEntry(chain: MiddlewareChain, name: string, before: MiddlewareEntry | undefined): TextEdit[] | undefined {
  const text = quoted(chain, name);
  const last = chain.entries[chain.entries.length - 1];
  if (before) {
    const at = before.location.range.start;
    const separator = alone(chain, before) ? `,\n${' '.repeat(at.character)}` : ', ';
    return [{ file: chain.file, range: { start: at, end: at }, newText: `${text}${separator}` }];
  }
  if (!last) return undefined;
  // Right after the last entry, before its comma if it has one: valid with and without a trailing comma.
  const at = last.location.range.end;
  const separator = alone(chain, last) ? `,\n${' '.repeat(last.location.range.start.character)}` : ', ';
  return [{ file: chain.file, range: { start: at, end: at }, newText: `${separator}${text}` }];
}
