// "Fetch all in one query": a loop that reads one row per element by a unique key reads them all before
// the loop with one set-based query into a Map (the TypeScript frontend writes it, and decides whether the
// loop and the row's uses allow it). Here: which column the key is, and that it is unique.
import type { FixPlan } from '../../model/fix-plans';
import type { PerRowQuery, ProjectModel } from '../../model/types';
import type { Check } from '../check';
import { modelNamed, primaryKeyOf } from './ts-models';

export function hoistLookupPlan(check: Check<'hoistFix'>, query: PerRowQuery, model: ProjectModel): FixPlan | undefined {
  const key = query.lookup?.key;
  const target = modelNamed(model, query.stack, query.model);
  if (!key || !target) return undefined;
  // findByPk: the primary key, `id` when the model declares none (Sequelize adds it).
  const declaredKey = primaryKeyOf(target);
  const column = key.column ?? declaredKey ?? (target.fields.some((field) => field.primaryKey) ? undefined : 'id');
  if (!column) return undefined;
  const field = target.fields.find((f) => f.name === column);
  const unique = field
    ? field.primaryKey || field.unique
    : query.stack === 'sequelize' && column === 'id' && !target.fields.some((f) => f.primaryKey);
  if (!unique) return undefined;
  // The fallback of loading the relation with the list, when that fix is not offered.
  return {
    title: check.text('hoistFix', { model: query.model }),
    preferred: 'if-first',
    changes: [{ kind: 'read-all-before-loop', query, column }],
  };
}
