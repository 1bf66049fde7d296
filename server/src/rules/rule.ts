import type { Finding, ProjectModel, Severity } from '../model/types';

/** A rule's identity and documentation: what the CLI's SARIF output and the README's table are made from. */
export interface RuleMeta {
  id: string;
  /** One line, shown in rule lists. */
  summary: string;
  /** Markdown: what it finds, why it matters, an example, what to write instead. */
  docs: string;
  defaultSeverity: Severity;
}

/** Rules see the project model only, never syntax trees. */
export interface Rule extends RuleMeta {
  check(model: ProjectModel): Finding[];
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
