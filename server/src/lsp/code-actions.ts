// Quick fixes attached to their diagnostics, a "suppress on this line" action, and
// `source.fixAll.stackscope` (every preferred fix of a file, skipping edits that would overlap).
import type { CodeAction, Diagnostic, Range, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { CommentSyntax } from '../frontends/frontend';
import type { Finding, Fix, TextEdit } from '../model/types';
import { lineEndingOf, splitLines } from '../workspace/line-endings';
import { toDiagnostic } from './diagnostics';
import { fileUri } from './uri';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.stackscope`;

export function workspaceEdit(edits: readonly TextEdit[]): WorkspaceEdit {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const edit of edits) (changes[fileUri(edit.file)] ??= []).push({ range: edit.range, newText: edit.newText });
  return { changes };
}

const overlaps = (a: Range, b: Range) =>
  !(
    a.end.line < b.start.line ||
    (a.end.line === b.start.line && a.end.character < b.start.character) ||
    b.end.line < a.start.line ||
    (b.end.line === a.start.line && b.end.character < a.start.character)
  );

/** The quick fixes and suppressions (where the file can hold a comment) for findings that touch `range`; `text` is the file's. */
export function quickFixes(findings: readonly Finding[], range: Range, text: string, comments: CommentSyntax | undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  const lines = splitLines(text);
  const ending = lineEndingOf(text);
  const suppressed = new Set<string>();
  for (const finding of findings) {
    if (!overlaps(finding.range, range)) continue;
    const diagnostic = toDiagnostic(finding);
    for (const fix of finding.fixes) actions.push(fixAction(fix, diagnostic));
    const key = `${finding.check}:${finding.range.start.line}`;
    if (!comments || suppressed.has(key)) continue;
    suppressed.add(key);
    actions.push(suppressAction(finding, diagnostic, lines, ending, comments));
  }
  return actions;
}

function fixAction(fix: Fix, diagnostic: Diagnostic): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.isPreferred ?? false,
    edit: workspaceEdit(fix.edits),
  };
}

/**
 * A suppression comment naming the finding's check, on its own line above the finding, indented like that line, ended like the file's
 * lines.
 */
function suppressAction(
  finding: Finding,
  diagnostic: Diagnostic,
  lines: readonly string[],
  ending: string,
  comments: CommentSyntax,
): CodeAction {
  const line = finding.range.start.line;
  const indent = /^\s*/.exec(lines[line] ?? '')?.[0] ?? '';
  const comment = `${comments.start}${comments.suppression([finding.check])}${comments.end}`;
  const at = { line, character: 0 };
  return {
    title: `Suppress ${finding.check} on this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit([{ file: finding.file, range: { start: at, end: at }, newText: `${indent}${comment}${ending}` }]),
  };
}

/** Every preferred fix of the file's findings, as one edit; a fix whose edits overlap an earlier one waits for the next run. */
export function fixAll(findings: readonly Finding[]): CodeAction | undefined {
  const chosen: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((candidate) => candidate.isPreferred);
    if (!fix) continue;
    const clash = fix.edits.some((edit) => chosen.some((other) => other.file === edit.file && overlaps(other.range, edit.range)));
    if (!clash) chosen.push(...fix.edits);
  }
  if (chosen.length === 0) return undefined;
  return { title: 'Fix all Stackscope problems', kind: FIX_ALL_KIND, edit: workspaceEdit(chosen) };
}
