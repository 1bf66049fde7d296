// Sequelize: model reads and association getters once per element of a loop. Sequelize batches
// nothing; `include` (or one `findAll` with `where: { id: ids }`) loads them for all elements.
import type { Finding, ProjectModel } from '../../model/types';
import { lookupFixes, perRowFinding } from './per-row';
import { getterName } from './sequelize-associations';

export function checkSequelizeLoops(model: ProjectModel): Finding[] {
  const models = new Set(model.models.filter((m) => m.stack === 'sequelize').map((m) => m.name));
  if (models.size === 0) return [];
  const names = new Set(models);
  // `getPosts` → Post, `getAuthor` → an association named Author (alias or model).
  const aliases = [...model.files.values()].flatMap((facts) => facts.foreignKeys ?? []).flatMap((key) => (key.alias ? [getterName(key)] : []));
  for (const alias of aliases) names.add(alias);
  const associated = (name: string) => names.has(name) || names.has(name.replace(/e?s$/, '')) || names.has(name.replace(/ies$/, 'y'));
  return model.perRowQueries
    .filter((query) => query.stack === 'sequelize')
    .filter((query) => (query.model.startsWith('association:') ? associated(query.model.slice('association:'.length)) : models.has(query.model)))
    .map((query) =>
      perRowFinding(
        query,
        query.model.startsWith('association:')
        ? `N+1 query: the association getter \`${query.call}\` runs one query per element of the ${query.loopKind} loop. Load the association with the list: \`include\` in the findAll that produced it.`
        : `N+1 query: \`${query.call}\` runs one query per element of the ${query.loopKind} loop; Sequelize batches nothing. Load all ${query.model} rows with one \`findAll({ where: { id: ids } })\` and a Map lookup, or \`include\` them in the query that produced the list.`,
        lookupFixes(query, model),
      ),
    );
}
