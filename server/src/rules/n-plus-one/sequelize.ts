// Sequelize: model reads and association getters once per element of a loop. Sequelize batches
// nothing; `include` (or one `findAll` with `where: { id: ids }`) loads them for all elements.
import type { ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { associationGetter } from './checks/association-getter';
import { queryPerRow } from './checks/query-per-row';
import { includeRelationPlan } from './fix-include-relation';
import { lookupPlans, reportPerRow } from './per-row';
import { getterName } from './sequelize-associations';

const GETTER = 'association:';

export function checkSequelizeLoops(model: ProjectModel, report: Report): void {
  const models = new Set(model.models.filter((m) => m.stack === 'sequelize').map((m) => m.name));
  if (models.size === 0) return;
  const names = new Set(models);
  // `getPosts` → Post, `getAuthor` → an association named Author (alias or model).
  const aliases = model.foreignKeys.flatMap((key) => (key.alias ? [getterName(key)] : []));
  for (const alias of aliases) names.add(alias);
  const associated = (name: string) => names.has(name) || names.has(name.replace(/e?s$/, '')) || names.has(name.replace(/ies$/, 'y'));
  for (const query of model.perRowQueries) {
    if (query.stack !== 'sequelize') continue;
    if (!query.model.startsWith(GETTER)) {
      if (models.has(query.model)) reportPerRow(report, queryPerRow, query, 'sequelize', {}, lookupPlans(queryPerRow, query, model));
    } else if (associated(query.model.slice(GETTER.length))) {
      reportPerRow(report, associationGetter, query, 'message', {}, [includeRelationPlan(associationGetter, query, model)]);
    }
  }
}
