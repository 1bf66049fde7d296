import type { FixPlan } from '../fix-plans';
import type { Location, Range } from './places';

// Findings.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one fix a user most likely wants; `fixAll` applies only preferred fixes. */
  isPreferred?: boolean;
}

export interface Finding {
  rule: string;
  /** The check that reported it, `rule/check` (`insecure-session/hard-coded-secret`). */
  check: string;
  severity: Severity;
  file: string;
  range: Range;
  message: string;
  /** Edits ready to apply: the rule's fix plans, written by the frontends that own the files. */
  fixes: Fix[];
  /** What the rule wants changed; turned into `fixes` after the rules run. */
  plans?: FixPlan[];
  /** Other places that explain the finding (the conflicting middleware entry, the overriding setting). */
  related?: { location: Location; message: string }[];
}
