// MikroORM: `em.find/findOne/count(Entity, ...)` per loop element. Without its (opt-in) dataloader
// each is a query; `populate` loads relations for the whole list with one `IN` query per level.
import type { Finding, ProjectModel } from '../../model/types';
import { perRowFinding } from './per-row';

export function checkMikroOrmLoops(model: ProjectModel): Finding[] {
  const entities = new Set(model.models.filter((m) => m.stack === 'mikro-orm').map((m) => m.name));
  if (entities.size === 0) return [];
  return model.perRowQueries
    .filter((query) => query.stack === 'mikro-orm' && entities.has(query.model))
    .map((query) =>
      perRowFinding(
        query,
        `N+1 query: \`${query.call}\` runs one query per element of the ${query.loopKind} loop. Read the ${query.model} rows at once (\`{ id: { $in: ids } }\`), or \`populate\` the relation in the query that produced the list.`,
      ),
    );
}
