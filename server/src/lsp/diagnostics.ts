// Findings as LSP diagnostics. Diagnostics are pushed for the whole workspace after each analysis:
// a finding can move between files (an override in production.py silences base.py), so every file
// whose findings changed is republished, and files that lost all their findings get an empty list.
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding, Severity } from '../model/types';
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
      ? { relatedInformation: finding.related.map((r) => ({ location: { uri: fileUri(r.location.file), range: r.location.range }, message: r.message })) }
      : {}),
  };
}

export class DiagnosticsPublisher {
  /** What each file was last published with, to skip unchanged files. */
  private readonly published = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  /** Publishes the findings, and the problems with files themselves (a broken config), together. */
  publish(findings: readonly Finding[], fileProblems: readonly FileDiagnostic[] = []): void {
    const byFile = new Map<string, Diagnostic[]>();
    const add = (file: string, diagnostic: Diagnostic) => {
      const list = byFile.get(file) ?? [];
      list.push(diagnostic);
      byFile.set(file, list);
    };
    for (const problem of fileProblems) add(problem.file, problem.diagnostic);
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
