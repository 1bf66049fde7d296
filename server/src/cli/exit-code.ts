// Which findings fail the run, as `--fail-on` and `--max-warnings` say (ESLint's semantics for the
// latter: warnings fail only past the maximum).
import type { Finding, Severity } from '../model/types';

export type FailOn = Severity | 'none';

export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'hint', 'none'];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** 1 when a finding at or above `failOn` fails the run, else 0. */
export function exitCode(findings: readonly Finding[], failOn: FailOn, maxWarnings?: number): 0 | 1 {
  if (failOn === 'none') return 0;
  const failing = findings.filter((f) => RANK[f.severity] <= RANK[failOn]);
  if (maxWarnings === undefined) return failing.length > 0 ? 1 : 0;
  const warnings = failing.filter((f) => f.severity === 'warning').length;
  return failing.some((f) => f.severity !== 'warning') || warnings > maxWarnings ? 1 : 0;
}
