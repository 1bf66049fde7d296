// TypeORM: reads that run once per element of a loop. TypeORM batches nothing, so a query inside a
// loop body or an iterating callback (even under Promise.all) is one round trip per element.
import type { Finding, Fix, ModelDecl, PerRowRelationLoad, ProjectModel } from '../../model/types';
import { loadingOption, loadWithList } from './list-loading';
import { lookupFixes, perRowFinding } from './per-row';

export function checkTypeormLoops(model: ProjectModel): Finding[] {
  const entities = new Map<string, ModelDecl>();
  for (const entity of model.models) if (entity.stack === 'typeorm') entities.set(entity.name, entity);
  if (entities.size === 0) return [];
  const findings: Finding[] = [];
  for (const query of model.perRowQueries) {
    if (query.stack !== 'typeorm' || !entities.has(query.model)) continue;
    const parallel = query.loopKind.startsWith('Promise.all') ? ' (in parallel, but still one round trip and one pooled connection each)' : '';
    const instead = query.queryBuilder
      ? `(\`.whereInIds(ids)\` or \`.where('alias.id IN (:...ids)', { ids })\`, then a Map lookup), or join them with \`leftJoinAndSelect\``
      : `(\`findBy({ id: In(ids) })\`, then a Map lookup), or join them with \`relations\``;
    findings.push(
      perRowFinding(
        query,
        `N+1 query: \`${query.call}\` runs one query per element of the ${query.loopKind} loop${parallel}; TypeORM batches nothing. Load the ${query.model} rows for all elements with one query ${instead} in the query that produced the list.`,
        lookupFixes(query, model),
      ),
    );
  }
  for (const load of model.perRowLoads) {
    const field = entities.get(load.model)?.fields.find((f) => f.name === load.relation);
    if (load.stack !== 'typeorm' || !field?.relation?.lazy) continue;
    findings.push({
      rule: 'n-plus-one',
      severity: 'warning',
      file: load.location.file,
      range: load.location.range,
      message: `N+1 query: awaiting the lazy relation \`${load.model}.${load.relation}\` runs one query per element of the loop. Load it with the list: \`relations: { ${load.relation}: true }\` (or leftJoinAndSelect) in the query that produced it.`,
      fixes: loadWithListFix(load),
      related: [{ location: load.loop, message: 'the loop that loads it once per element' }],
    });
  }
  return findings;
}

/** Adds the relation to the query that produced the list: its `relations`, or a QueryBuilder's join. */
function loadWithListFix(load: PerRowRelationLoad): Fix[] {
  const file = load.location.file;
  if (load.join) {
    const join = `.leftJoinAndSelect('${load.join.alias}.${load.relation}', '${load.relation}')`;
    return [{ title: `Load ${load.relation} with the list (leftJoinAndSelect)`, isPreferred: true, edits: [{ file, range: { start: load.join.at, end: load.join.at }, newText: join }] }];
  }
  const edits = load.listQuery && loadWithList(load.listQuery, 'typeorm', load.relation, file);
  return load.listQuery && edits?.length ? [{ title: `Load ${load.relation} with the list (${loadingOption(load.listQuery, 'typeorm')})`, isPreferred: true, edits }] : [];
}
