// Columns that TypeORM and Prisma queries filter or sort on without an index leading with them.
// findUnique is left out (Prisma only allows it on unique keys); relations are the foreign-key
// checks' business; boolean columns rarely gain from an index.
import { relative } from 'node:path';
import type { ColumnUsage, Field, Finding, Fix, ModelDecl, ProjectModel } from '../../model/types';

const BOOLEAN_TYPES = new Set(['boolean', 'Boolean', 'bool']);
const MAX_LISTED = 4;

export function checkTypescriptColumns(model: ProjectModel): Finding[] {
  const groups = new Map<Field, { entity: ModelDecl; usages: ColumnUsage[] }>();
  const byName = new Map(model.models.map((m) => [`${m.stack}:${m.name}`, m]));
  for (const usage of model.columnUsages) {
    const entity = ownerOf(usage, byName);
    // A QueryBuilder fragment names a property (TypeORM rewrites it) or, written out, the database column.
    const field = entity?.fields.find((f) => f.name === usage.column) ?? entity?.fields.find((f) => f.column === usage.column);
    if (!entity || !field || field.relation || field.primaryKey || field.unique || field.indexed || BOOLEAN_TYPES.has(field.type)) continue;
    if (entity.indexes.some((index) => index.fields[0] === field.name)) continue;
    const group = groups.get(field) ?? { entity, usages: [] };
    group.usages.push(usage);
    groups.set(field, group);
  }
  return [...groups].map(([field, { entity, usages }]) => {
    const filters = usages.some((usage) => usage.kind === 'filter');
    const listed = usages.slice(0, MAX_LISTED).map((u) => `\`${u.call}\` (${relative(model.root, u.location.file)}:${u.location.range.start.line + 1})`);
    const more = usages.length > MAX_LISTED ? ` and ${usages.length - MAX_LISTED} more` : '';
    return {
      rule: 'missing-index',
      severity: filters ? ('warning' as const) : ('info' as const),
      file: field.location.file,
      range: field.location.range,
      message: `\`${entity.name}.${field.name}\` is ${filters ? 'filtered' : 'sorted'} on by ${listed.join(', ')}${more}, but no index leads with it: each such query ${filters ? 'scans' : 'sorts'} the whole table as it grows. Add an index, then a migration.`,
      fixes: indexFix(model, entity, field),
      related: usages.slice(0, 20).map((u) => ({ location: u.location, message: `${u.kind === 'filter' ? 'filters' : 'sorts'} on it` })),
    };
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

function indexFix(model: ProjectModel, entity: ModelDecl, field: Field): Fix[] {
  if (entity.stack === 'prisma') {
    const at = entity.bodyInsert;
    if (!at) return [];
    return [{ title: `Add @@index([${field.name}]) to ${entity.name}`, isPreferred: true, edits: [{ file: field.location.file, range: { start: at.position, end: at.position }, newText: `${at.indent}@@index([${field.name}])\n` }] }];
  }
  const at = field.annotationInsert;
  const typeorm = model.files.get(field.location.file)?.namedImports?.find((entry) => entry.module === 'typeorm');
  if (!at || !typeorm) return [];
  const edits = [{ file: field.location.file, range: { start: at.position, end: at.position }, newText: `${at.indent}@Index()\n` }];
  if (!typeorm.names.includes('Index')) edits.push({ file: field.location.file, range: { start: typeorm.insertAt, end: typeorm.insertAt }, newText: ', Index' });
  return [{ title: `Add @Index() to ${entity.name}.${field.name}`, isPreferred: true, edits }];
}
