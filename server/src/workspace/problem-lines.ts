// Problems with a file as one line, `path:3:14: reason`, the way compilers print them (1-based), so a
// terminal or the Output channel lets the user jump there.
import type { ParseProblem } from '../model/types';

export function problemLine(problem: { line: number; column: number; message: string }, shownFile: string): string {
  return `${shownFile}:${problem.line + 1}:${problem.column + 1}: ${problem.message}`;
}

export function parseProblemLine(problem: ParseProblem, shownFile: string): string {
  return problemLine({ line: problem.range.start.line, column: problem.range.start.character, message: problem.message }, shownFile);
}
