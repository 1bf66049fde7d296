// Columns that TypeORM, Prisma, Sequelize and Mongoose queries filter or sort on without an index
// leading with them. findUnique is left out (Prisma only allows it on unique keys); relations are the
// foreign-key checks' business; boolean columns rarely gain from an index; tests, migrations, seeds and
// scripts are no evidence.
import { countsAsEvidence } from '../../model/contexts';
import type { ColumnUsage, Field, ModelDecl, ProjectModel } from '../../model/types';
import type { Check } from '../check';
import type { Report } from '../rule';
import { filteredColumn } from './checks/filtered-column';
import { sortedColumn } from './checks/sorted-column';
import { indexPlan } from './index-plans';
import { listPlaces, relatedPlaces } from './places';

const BOOLEAN_TYPES = new Set(['boolean', 'Boolean', 'bool']);
const MAX_LISTED = 4;

export function checkTypescriptColumns(model: ProjectModel, report: Report): void {
  const groups = new Map<Field, { entity: ModelDecl; usages: ColumnUsage[] }>();
  const byName = new Map(model.models.map((m) => [`${m.stack}:${m.name}`, m]));
  for (const usage of model.columnUsages) {
    // Queries in tests, migrations, seeds and scripts are no reason to index a column.
    if (!countsAsEvidence(model, usage.location.file)) continue;
    const entity = ownerOf(usage, byName);
    // A QueryBuilder fragment names a property (TypeORM rewrites it) or, written out, the database column.
    const field = entity?.fields.find((f) => f.name === usage.column) ?? entity?.fields.find((f) => f.column === usage.column);
    if (!entity || !field || field.relation || field.primaryKey || field.unique || field.indexed || BOOLEAN_TYPES.has(field.type)) continue;
    if (entity.indexes.some((index) => index.fields[0] === field.name)) continue;
    const group = groups.get(field) ?? { entity, usages: [] };
    group.usages.push(usage);
    groups.set(field, group);
  }
  for (const [field, { entity, usages }] of groups) {
    const check = usages.some((usage) => usage.kind === 'filter') ? filteredColumn : sortedColumn;
    reportColumn(check, model.root, entity, field, usages, report);
  }
}

/** The templates filtered-column and sorted-column share. */
type ColumnCheck = Check<'typescript' | 'typescriptRelatedSort' | 'indexFix' | 'prismaIndexFix'>;

function reportColumn(
  check: ColumnCheck,
  root: string,
  entity: ModelDecl,
  field: Field,
  usages: readonly ColumnUsage[],
  report: Report,
): void {
  const names = { model: entity.name, field: field.name };
  // Prisma declares indexes in the model block; TypeORM on the column (the frontend refuses other ORMs).
  const title =
    entity.stack === 'prisma' ? check.text('prismaIndexFix', { model: entity.name, columns: field.name }) : check.text('indexFix', names);
  report(check, field.location, {
    message: 'typescript',
    data: {
      ...names,
      usages: listPlaces(
        root,
        usages.map((usage) => ({ text: usage.call, location: usage.location })),
        MAX_LISTED,
      ),
    },
    fixes: [indexPlan(title, entity, [field.name])],
    // Only a filtered column has queries that filter on it.
    related: relatedPlaces(usages, (usage) =>
      usage.kind === 'filter' ? filteredColumn.text('typescriptRelatedFilter') : check.text('typescriptRelatedSort'),
    ),
  });
}

/** The model that holds the column: the usage's model, or the one its relations lead to (`u.posts` → Post). */
function ownerOf(usage: ColumnUsage, byName: Map<string, ModelDecl>): ModelDecl | undefined {
  let entity = byName.get(`${usage.stack}:${usage.model}`);
  for (const relation of usage.through ?? []) {
    const target = entity?.fields.find((f) => f.name === relation)?.relation?.target;
    entity = target ? byName.get(`${usage.stack}:${target}`) : undefined;
  }
  return entity;
}
