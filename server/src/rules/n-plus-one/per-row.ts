// A finding on a TypeScript query that runs once per loop element, pointing at the loop, and the fixes of a
// per-row read of one row by key.
import type { FixPlan } from '../../model/fix-plans';
import type { PerRowQuery, ProjectModel } from '../../model/types';
import type { Check, TemplateData } from '../check';
import type { Report } from '../rule';
import type { LOOKUP_FIXES } from './checks/shared';
import { hoistLookupPlan } from './fix-hoist-lookup';
import { includeRelationPlan } from './fix-include-relation';

/** Reports `query` with the check's `message`, given the query's call, loop kind and model besides `data`. */
export function reportPerRow<M extends string>(
  report: Report,
  check: Check<M | 'relatedLoop'>,
  query: PerRowQuery,
  message: M,
  data: TemplateData = {},
  fixes: readonly (FixPlan | undefined)[] = [],
): void {
  report(check, query.location, {
    message,
    data: { call: query.call, loopKind: query.loopKind, model: query.model, ...data },
    fixes,
    related: [{ location: query.loop, message: check.text('relatedLoop') }],
  });
}

/** A per-row read of one row by key: load it with the list (preferred, when it is a relation), or read all rows before the loop. */
export function lookupPlans(check: Check<keyof typeof LOOKUP_FIXES>, query: PerRowQuery, model: ProjectModel): (FixPlan | undefined)[] {
  return [includeRelationPlan(check, query, model), hoistLookupPlan(check, query, model)];
}
