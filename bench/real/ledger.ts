// A triage ledger: every finding of one pinned project, judged by a person after reading the code.
// An entry is found again by its fingerprint, which is made of what the finding says about which
// code (rule, check, file, enclosing symbol, the message without its numbers), never of its line:
// an edit elsewhere in the file must not make a judged finding look new.
import { readFileSync, writeFileSync } from 'node:fs';

/** `debatable`: a real judgement call, counted apart from precision. `null`: not judged yet. */
export type Verdict = true | false | 'debatable' | null;

/** A finding as a reader and a ledger know it. */
export interface FindingKey {
  fingerprint: string;
  rule: string;
  check: string;
  /** Relative to the project, with `/`. */
  file: string;
  /** The enclosing class, function or method (`Class.method`); empty at a file's top level. */
  symbol: string;
  /** 1-based. In a ledger, as it was when judged: to find the code, not to match. */
  line: number;
  /** In a ledger, its start: to read without running anything. */
  message: string;
}

export interface LedgerEntry extends FindingKey {
  verdict: Verdict;
  /** One line, written after reading the code. */
  reason: string;
  /** For false and debatable verdicts: a short tag of why, shared by findings with the same cause. */
  cause?: string;
}

export interface Ledger {
  project: string;
  entries: LedgerEntry[];
}

/** How much of the message an entry keeps. */
export const MESSAGE_START = 160;

/**
 * The part of a message that does not move with the code: `file:line` references, line numbers and
 * other numbers (counts, sizes) removed, whitespace collapsed.
 */
export function stableMessage(message: string): string {
  return message
    .replace(/[\w@.~\-/\\]+:\d+(?::\d+)?/g, '')
    .replace(/\d+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function readLedger(path: string, project: string): Ledger {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { project, entries: [] };
  }
  const ledger = JSON.parse(text) as Ledger;
  if (!Array.isArray(ledger.entries)) throw new Error(`${path}: no "entries" list`);
  return ledger;
}

/** The order findings are read in: by file, then line. */
export const byPlace = (a: Pick<FindingKey, 'file' | 'line'>, b: Pick<FindingKey, 'file' | 'line'>): number =>
  a.file.localeCompare(b.file) || a.line - b.line;

/** Written sorted by place, so a re-judged finding is a small diff. */
export function writeLedger(path: string, ledger: Ledger): void {
  const entries = [...ledger.entries].sort(
    (a, b) => byPlace(a, b) || a.check.localeCompare(b.check) || a.fingerprint.localeCompare(b.fingerprint),
  );
  writeFileSync(path, JSON.stringify({ project: ledger.project, entries }, null, 2) + '\n');
}
