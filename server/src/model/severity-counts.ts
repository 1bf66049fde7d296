// Findings counted by severity: the status bar's numbers and each model's in the explorer.
import type { FindingCounts } from '../protocol/model-json';
import type { Finding } from './types';

export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
