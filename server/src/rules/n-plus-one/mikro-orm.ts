// MikroORM: `em.find/findOne/count(Entity, ...)` per loop element. Without its (opt-in) dataloader
// each is a query; `populate` loads relations for the whole list with one `IN` query per level.
import type { ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { queryPerRow } from './checks/query-per-row';
import { reportPerRow } from './per-row';

export function checkMikroOrmLoops(model: ProjectModel, report: Report): void {
  const entities = new Set(model.models.filter((m) => m.stack === 'mikro-orm').map((m) => m.name));
  if (entities.size === 0) return;
  for (const query of model.perRowQueries)
    if (query.stack === 'mikro-orm' && entities.has(query.model)) reportPerRow(report, queryPerRow, query, 'mikroOrm');
}
