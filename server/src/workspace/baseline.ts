// A baseline: the findings a team has accepted for now, by fingerprint, so that CI and the editor show
// only new ones (as ESLint's suppressions file and Semgrep's baseline do). The file is sorted and holds
// one entry per finding with its check and file, so its diff in a review says what was accepted.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Finding } from '../model/types';
import { relativeFile } from './fingerprints';

export interface BaselineEntry {
  check: string;
  file: string;
  fingerprint: string;
  /** The message when it was written, for a reader of the file; not used to match. */
  message: string;
}

export interface BaselineFile {
  version: 1;
  findings: BaselineEntry[];
}

const key = (entry: Pick<BaselineEntry, 'check' | 'file' | 'fingerprint'>) => `${entry.check}\0${entry.file}\0${entry.fingerprint}`;

export function baselineEntries(root: string, findings: readonly Finding[], fingerprints: ReadonlyMap<Finding, string>): BaselineEntry[] {
  return findings
    .map((f) => ({ check: f.check, file: relativeFile(root, f.file), fingerprint: fingerprints.get(f) ?? '', message: f.message }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.check.localeCompare(b.check) || a.fingerprint.localeCompare(b.fingerprint));
}

export function writeBaseline(path: string, entries: readonly BaselineEntry[]): void {
  const file: BaselineFile = { version: 1, findings: [...entries] };
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
}

/** The baseline's keys; throws with a sentence a user can act on when the file is not a baseline. */
export function readBaseline(path: string): Set<string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read the baseline (${(error as Error).message})`);
  }
  const findings = (raw as Partial<BaselineFile> | null)?.findings;
  if (
    !Array.isArray(findings) ||
    findings.some((e) => typeof e?.check !== 'string' || typeof e?.file !== 'string' || typeof e?.fingerprint !== 'string')
  ) {
    throw new Error(`${path}: not a Stackscope baseline (write one with --update-baseline)`);
  }
  return new Set(findings.map(key));
}

/** The findings the baseline holds. */
export function inBaseline(
  root: string,
  findings: readonly Finding[],
  fingerprints: ReadonlyMap<Finding, string>,
  baseline: ReadonlySet<string>,
): Set<Finding> {
  return new Set(
    findings.filter((f) => baseline.has(key({ check: f.check, file: relativeFile(root, f.file), fingerprint: fingerprints.get(f) ?? '' }))),
  );
}
