// Edits to a Django MIDDLEWARE list: move an entry's line, insert a new entry. Rules see entries as
// locations and their text as written; a line is moved only when it holds exactly one entry.
import type { Fix, MiddlewareChain, MiddlewareEntry, ProjectModel, TextEdit } from '../../model/types';
import { shortName } from './django-pairs';

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

/**
 * Moves the needed entry's line above the entry that depends on it. Only offered when both entries
 * sit alone on their lines, so that moving a whole line moves exactly one entry and nothing else.
 */
export function moveAbove(model: ProjectModel, chain: MiddlewareChain, needed: MiddlewareEntry, early: MiddlewareEntry): Fix | undefined {
  if (!alone(chain, needed) || !alone(chain, early) || needed.location.file !== early.location.file) return undefined;
  const comments = model.files.get(needed.location.file)?.comments ?? [];
  if (comments.some((comment) => comment.line === lineOf(needed))) return undefined;
  const indent = ' '.repeat(early.location.range.start.character);
  const text = needed.text ?? JSON.stringify(needed.name);
  const file = needed.location.file;
  return {
    title: `Move ${shortName(needed.name)} above ${shortName(early.name)}`,
    isPreferred: true,
    edits: [
      { file, range: { start: { line: lineOf(early), character: 0 }, end: { line: lineOf(early), character: 0 } }, newText: `${indent}${text},\n` },
      { file, range: { start: { line: lineOf(needed), character: 0 }, end: { line: lineOf(needed) + 1, character: 0 } }, newText: '' },
    ],
  };
}

/**
 * Adds `name` to the list before `before` (on its own line when `before` is alone on its line), or
 * after the last entry when `before` is undefined.
 */
export function insertEntry(chain: MiddlewareChain, name: string, before: MiddlewareEntry | undefined, title: string): Fix | undefined {
  const text = quoted(chain, name);
  const last = chain.entries[chain.entries.length - 1];
  let edit: TextEdit;
  if (before) {
    const at = before.location.range.start;
    const separator = alone(chain, before) ? `,\n${' '.repeat(at.character)}` : ', ';
    edit = { file: chain.file, range: { start: at, end: at }, newText: `${text}${separator}` };
  } else if (last) {
    // Right after the last entry, before its comma if it has one: valid with and without a trailing comma.
    const at = last.location.range.end;
    const separator = alone(chain, last) ? `,\n${' '.repeat(last.location.range.start.character)}` : ', ';
    edit = { file: chain.file, range: { start: at, end: at }, newText: `${separator}${text}` };
  } else {
    return undefined;
  }
  return { title, isPreferred: true, edits: [edit] };
}
