// Fix plans become edits here, after the rules ran: each change goes to the frontend that reads the file
// it edits. A plan with a change no frontend can write safely is dropped, never offered half done.
import { changeFile } from '../model/fix-plans';
import type { FixPlan } from '../model/fix-plans';
import type { Finding, Fix, ProjectModel, TextEdit } from '../model/types';
import { frontendFor } from '../frontends';

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
