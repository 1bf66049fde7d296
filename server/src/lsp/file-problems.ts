// Problems with a file itself rather than findings in it: a stackscope.json that says something
// Stackscope cannot use, a schema.prisma that does not parse (so its models go unseen). They are
// published as diagnostics on that file, so the user sees where.
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { ParseProblem } from '../model/types';
import type { LocatedConfigProblem } from '../workspace/config';

export interface FileDiagnostic {
  file: string;
  diagnostic: Diagnostic;
}

export function configDiagnostic(problem: LocatedConfigProblem): FileDiagnostic {
  const at = { line: problem.line, character: problem.column };
  return {
    file: problem.file,
    diagnostic: { range: { start: at, end: at }, severity: DiagnosticSeverity.Error, source: 'stackscope', message: problem.message },
  };
}

export function unanalysedDiagnostic({ file, problem }: { file: string; problem: ParseProblem }): FileDiagnostic {
  return { file, diagnostic: { range: problem.range, severity: DiagnosticSeverity.Error, source: 'stackscope', message: problem.message } };
}
