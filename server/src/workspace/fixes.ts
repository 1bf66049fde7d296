// Fix plans become edits here, after the rules ran: each change goes to the frontend that reads the file
// it edits. A plan with a change no frontend can write safely is dropped, never offered half done.
import { changeFile } from '../model/fix-plans';
import type { FixPlan } from '../model/fix-plans';
import type { Finding, Fix, ProjectModel, TextEdit } from '../model/types';
import { frontendFor } from '../frontends';
import { type LineEnding, withLineEnding } from './line-endings';

/** `first`: no plan before this one in its finding was written (an `'if-first'` plan is then preferred). */
export function writePlan(plan: FixPlan, model: ProjectModel, first = true): Fix | undefined {
  const edits: TextEdit[] = [];
  for (const change of plan.changes) {
    const written = frontendFor(changeFile(change))?.writeChange?.(change, model);
    if (!written) return undefined;
    edits.push(...written);
  }
  if (edits.length === 0) return undefined;
  const preferred = plan.preferred === true || (plan.preferred === 'if-first' && first);
  return { title: plan.title, edits, ...(preferred ? { isPreferred: true } : {}) };
}

/** The finding with its plans written as fixes (after any the rule wrote itself). */
export function withFixes(finding: Finding, model: ProjectModel): Finding {
  if (!finding.plans?.length) return finding;
  const written: Fix[] = [];
  for (const plan of finding.plans) {
    const fix = writePlan(plan, model, written.length === 0);
    if (fix) written.push(fix);
  }
  return { ...finding, fixes: [...finding.fixes, ...written] };
}

/**
 * Fixes are written with `\n`; a file that ends its lines with `\r\n` (or `\r`) gets its own ending,
 * so a fix never leaves it with mixed line endings.
 */
export function withLineEndings(finding: Finding, endingOf: (file: string) => LineEnding): Finding {
  if (!finding.fixes.some((fix) => fix.edits.some((edit) => endingOf(edit.file) !== '\n' && edit.newText.includes('\n')))) return finding;
  const fixes = finding.fixes.map((fix) => ({
    ...fix,
    edits: fix.edits.map((edit) => ({ ...edit, newText: withLineEnding(edit.newText, endingOf(edit.file)) })),
  }));
  return { ...finding, fixes };
}
