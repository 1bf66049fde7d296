// A finding's fingerprint: the same finding keeps it when unrelated code moves (lines added above,
// the file reformatted elsewhere), so a baseline, code scanning and the real-code ledgers can tell an
// old finding from a new one. It is made of what the finding is about, never of where it is:
// the check, the file, the enclosing class/function and the flagged code with its whitespace collapsed.
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { toPosix } from '../model/paths';
import { enclosingSymbol } from '../model/symbols';
import type { Finding, Location, ProjectModel, Range } from '../model/types';
import { readSource } from './files';

/** Hex characters kept of the sha-256: 128 bits, far beyond any collision in one project. */
const HASH_LENGTH = 32;

export interface FingerprintContext {
  root: string;
  model: Pick<ProjectModel, 'files'>;
  /** The text the finding's file was analysed from (an editor buffer or the file on disk). */
  text: (file: string) => string | undefined;
}

export const relativeFile = (root: string, file: string): string => toPosix(relative(root, file));

/** sha-256 of the parts, hex. Parts are separated by NUL so `a|b` + `c` never equals `a` + `b|c`. */
export function digest(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, HASH_LENGTH);
}

/**
 * Turns each item's key into a fingerprint: the digest plus `:n`, its occurrence among items with
 * the same key, counted in document order. The key holds the file, so counts are per file, and two
 * identical constructs in one function stay two findings.
 */
export function numberedFingerprints<T>(items: readonly T[], key: (item: T) => string[], location: (item: T) => Location): string[] {
  const order = items.map((_, i) => i).sort((a, b) => comparePlaces(location(items[a]), location(items[b])) || a - b);
  const digests = items.map((item) => digest(key(item)));
  const seen = new Map<string, number>();
  const result: string[] = new Array(items.length);
  for (const i of order) {
    const n = (seen.get(digests[i]) ?? 0) + 1;
    seen.set(digests[i], n);
    result[i] = `${digests[i]}:${n}`;
  }
  return result;
}

function comparePlaces(a: Location, b: Location): number {
  return a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** The flagged code as the fingerprint reads it: whitespace runs (line breaks, indentation) are one space. */
export function normaliseCode(code: string): string {
  return code.replace(/\s+/g, ' ').trim();
}

/** The text of `range` in a file split into lines. */
export function textOfRange(lines: readonly string[], range: Range): string {
  const { start, end } = range;
  if (start.line === end.line) return (lines[start.line] ?? '').slice(start.character, end.character);
  return [
    (lines[start.line] ?? '').slice(start.character),
    ...lines.slice(start.line + 1, end.line),
    (lines[end.line] ?? '').slice(0, end.character),
  ].join('\n');
}

/** Every finding's fingerprint, by finding. */
export function findingFingerprints(findings: readonly Finding[], context: FingerprintContext): Map<Finding, string> {
  const lines = new Map<string, string[]>();
  const linesOf = (file: string) => {
    let found = lines.get(file);
    if (!found) lines.set(file, (found = (context.text(file) ?? '').split('\n')));
    return found;
  };
  const prints = numberedFingerprints(
    findings,
    (f) => [
      f.check,
      relativeFile(context.root, f.file),
      enclosingSymbol(context.model, f)?.name ?? '',
      normaliseCode(textOfRange(linesOf(f.file), f.range)),
    ],
    (f) => f,
  );
  return new Map(findings.map((f, i) => [f, prints[i]]));
}

/** Reads analysed files back from disk, as the CLI analysed them. */
export function diskText(file: string): string | undefined {
  const read = readSource(file);
  return read.ok ? read.text : undefined;
}
