// Findings as LSP diagnostics. Diagnostics are pushed for the whole workspace after each analysis:
// a finding can move between files (an override in production.py silences base.py), so every file
// whose findings changed is republished, and files that lost all their findings get an empty list.
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding, Severity } from '../model/types';
import type { FileNote } from '../workspace/notes';
import { checkById } from '../rules';
import { checkDocsUrl } from '../rules/docs';
import type { FileDiagnostic } from './file-problems';
import { fileUri } from './uri';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding): Diagnostic {
  const check = checkById(finding.check);
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: 'stackscope',
    // The check id is what settings, suppression comments and the docs call it; VS Code links it to the docs.
    code: finding.check,
    ...(check ? { codeDescription: { href: checkDocsUrl(check) } } : {}),
    message: finding.message,
    ...(finding.related?.length
      ? {
          relatedInformation: finding.related.map((r) => ({
            location: { uri: fileUri(r.location.file), range: r.location.range },
            message: r.message,
          })),
        }
      : {}),
  };
}

/** A note on a file, shown on the file itself. */
function noteDiagnostic(note: FileNote): Diagnostic {
  return { range: note.range, severity: SEVERITY[note.severity], source: 'stackscope', message: note.message };
}

export class DiagnosticsPublisher {
  /** What each file was last published with, to skip unchanged files. */
  private readonly published = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  /**
   * Publishes the findings, the problems with files themselves (a broken config, a schema that does not parse) and the notes on files (a
   * file read as Latin-1), file by file.
   */
  publish(findings: readonly Finding[], fileProblems: readonly FileDiagnostic[] = [], notes: readonly FileNote[] = []): void {
    const byFile = new Map<string, Diagnostic[]>();
    const add = (file: string, diagnostic: Diagnostic) => {
      const list = byFile.get(file) ?? [];
      list.push(diagnostic);
      byFile.set(file, list);
    };
    for (const problem of fileProblems) add(problem.file, problem.diagnostic);
    for (const note of notes) add(note.file, noteDiagnostic(note));
    for (const finding of findings) add(finding.file, toDiagnostic(finding));
    for (const file of this.published.keys()) if (!byFile.has(file)) byFile.set(file, []);
    for (const [file, diagnostics] of byFile) {
      const key = JSON.stringify(diagnostics);
      if (this.published.get(file) === key) continue;
      if (diagnostics.length === 0) this.published.delete(file);
      else this.published.set(file, key);
      void this.connection.sendDiagnostics({ uri: fileUri(file), diagnostics });
    }
  }
}
