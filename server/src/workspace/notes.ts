// What the user must hear about a file besides findings: a file read as Latin-1, a construct too big
// to analyse, a file skipped. Each is logged once, when it appears (one line per file, never one per
// keystroke); the warnings also become diagnostics on the file itself, so an editor shows them there.
import { relative } from 'node:path';
import type { FileFacts, Range } from '../model/types';
import { toPosix } from '../model/paths';
import type { DecodeWarning, Skip } from './decode';

export interface FileNote {
  file: string;
  severity: 'warning' | 'info';
  message: string;
  range: Range;
}

const startOfLine = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 0 } });

export class FileNotes {
  private readonly notes = new Map<string, FileNote[]>();
  readonly skipped = new Map<string, Skip>();

  constructor(
    private readonly root: string,
    private readonly log: (message: string) => void,
  ) {}

  /** `app/settings.py:3`, relative to the workspace. */
  where(file: string, line?: number): string {
    return `${toPosix(relative(this.root, file)) || file}${line === undefined ? '' : `:${line + 1}`}`;
  }

  set(file: string, notes: readonly FileNote[]): void {
    const before = new Set((this.notes.get(file) ?? []).map((note) => note.message));
    for (const note of notes)
      if (!before.has(note.message))
        this.log(`${this.where(file, note.range.start.line)}: ${note.severity === 'info' ? 'note' : note.severity}: ${note.message}`);
    if (notes.length > 0) this.notes.set(file, [...notes]);
    else this.notes.delete(file);
    this.skipped.delete(file);
  }

  skip(file: string, skip: Skip, detail?: string): void {
    const before = this.skipped.get(file);
    if (before?.reason !== skip.reason) this.log(`${this.where(file)}: skipped, ${skip.reason}${detail ? `\n${detail}` : ''}`);
    this.notes.delete(file);
    this.skipped.set(file, skip);
  }

  forget(file: string): boolean {
    const noted = this.notes.delete(file);
    return this.skipped.delete(file) || noted;
  }

  /** The notes the editor shows on their files (warnings; what was left unread stays in the log). */
  shown(): FileNote[] {
    return [...this.notes.values()].flat().filter((note) => note.severity === 'warning');
  }

  /** `2 of 40 files skipped: 1 unreadable, 1 binary`, or undefined when none was. */
  summary(analysed: number): string | undefined {
    if (this.skipped.size === 0) return undefined;
    const kinds = new Map<string, number>();
    for (const { kind } of this.skipped.values()) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const total = analysed + this.skipped.size;
    return `${this.skipped.size} of ${total} file${total === 1 ? '' : 's'} skipped: ${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ')}`;
  }
}

/** A parsed file's notes: how it was decoded, and what its frontend left unread. */
export function notesOf(facts: FileFacts, decoding: DecodeWarning | undefined): FileNote[] {
  const notes: FileNote[] = [];
  if (decoding) notes.push({ file: facts.file, severity: 'warning', message: decoding.message, range: startOfLine(decoding.line) });
  for (const note of facts.notes ?? []) notes.push({ file: facts.file, severity: 'info', message: note.message, range: note.range });
  return notes;
}
