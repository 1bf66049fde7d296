// TypeORM: reads that run once per element of a loop. TypeORM batches nothing, so a query inside a
// loop body or an iterating callback (even under Promise.all) is one round trip per element.
import type { FixPlan } from '../../model/fix-plans';
import type { ModelDecl, PerRowRelationLoad, ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { lazyRelation } from './checks/lazy-relation';
import { queryPerRow } from './checks/query-per-row';
import { loadingOption } from './fix-include-relation';
import { lookupPlans, reportPerRow } from './per-row';

export function checkTypeormLoops(model: ProjectModel, report: Report): void {
  const entities = new Map<string, ModelDecl>();
  for (const entity of model.models) if (entity.stack === 'typeorm') entities.set(entity.name, entity);
  if (entities.size === 0) return;
  for (const query of model.perRowQueries) {
    if (query.stack !== 'typeorm' || !entities.has(query.model)) continue;
    const parallel = query.loopKind.startsWith('Promise.all') ? queryPerRow.text('typeormParallel') : '';
    reportPerRow(
      report,
      queryPerRow,
      query,
      query.queryBuilder ? 'typeormQueryBuilder' : 'typeorm',
      { parallel },
      lookupPlans(queryPerRow, query, model),
    );
  }
  for (const load of model.perRowLoads) {
    const field = entities.get(load.model)?.fields.find((f) => f.name === load.relation);
    if (load.stack !== 'typeorm' || !field?.relation?.lazy) continue;
    report(lazyRelation, load.location, {
      data: { model: load.model, relation: load.relation },
      fixes: [loadWithListPlan(load)],
      related: [{ location: load.loop, message: lazyRelation.text('relatedLoop') }],
    });
  }
}

/** Adds the relation to the query that produced the list: its `relations`, or a QueryBuilder's join. */
function loadWithListPlan(load: PerRowRelationLoad): FixPlan | undefined {
  const { relation } = load;
  const file = load.location.file;
  if (load.join) {
    return {
      title: lazyRelation.text('joinFix', { relation }),
      preferred: true,
      changes: [{ kind: 'join-relation', file, at: load.join.at, alias: load.join.alias, relation }],
    };
  }
  if (!load.listQuery) return undefined;
  const title = lazyRelation.text('fix', { relation, option: loadingOption(load.listQuery, 'typeorm') });
  return { title, preferred: true, changes: [{ kind: 'load-relation', file, stack: 'typeorm', list: load.listQuery, relation }] };
}
