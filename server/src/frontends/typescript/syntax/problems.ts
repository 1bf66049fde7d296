import { ts, type SourceFile } from 'ts-morph';
import type { ParseProblem } from '../../../model/types';
import type { Locator } from './source';

/** The parser's syntax errors. The tree is still complete (the parser recovers), so facts are read anyway. */
export function extractProblems(source: SourceFile, locator: Locator): ParseProblem[] {
  // parseDiagnostics is not in the public typings, but it is exactly what the parser reported; asking a
  // Program for syntactic diagnostics would build one per keystroke.
  const diagnostics =
    (source.compilerNode as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  return diagnostics.map((diagnostic) => ({
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    range: locator.range(diagnostic.start, diagnostic.start + diagnostic.length),
  }));
}
