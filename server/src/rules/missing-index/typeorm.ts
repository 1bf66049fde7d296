// TypeORM foreign keys without an index. TypeORM creates the constraint only; MySQL and MariaDB
// (InnoDB) index a foreign key column themselves, PostgreSQL, SQLite and SQL Server do not, so a
// join from the parent or a delete of a parent row scans the child table.
import type { Field, Finding, Fix, ModelDecl, ProjectModel } from '../../model/types';

const INDEXES_FOREIGN_KEYS = new Set(['mysql', 'mariadb', 'aurora-mysql']);

export function checkTypeormForeignKeys(model: ProjectModel): Finding[] {
  // DataSource options in TypeScript files; a Prisma schema's provider is not TypeORM's database.
  const databases = [...model.files.values()].filter((facts) => facts.language === 'typescript').flatMap((facts) => facts.databases ?? []);
  // Without a DataSource the database is unknown, and on MySQL this would be noise.
  if (databases.length === 0 || databases.every((type) => INDEXES_FOREIGN_KEYS.has(type))) return [];
  const findings: Finding[] = [];
  for (const entity of model.models) {
    if (entity.stack !== 'typeorm' || entity.abstract) continue;
    for (const field of entity.fields) {
      if (field.relation?.kind !== 'many-to-one' || field.indexed || field.unique || field.relation.noConstraint) continue;
      if (entity.indexes.some((index) => index.fields[0] === field.name)) continue;
      findings.push({
        rule: 'missing-index',
        severity: 'warning',
        file: field.location.file,
        range: field.location.range,
        message: `\`${entity.name}.${field.name}\` is a many-to-one relation whose foreign key column \`${field.column}\` has no index: ${databases.filter((t) => !INDEXES_FOREIGN_KEYS.has(t)).filter((d, i, all) => all.indexOf(d) === i).join('/')} does not index foreign keys by itself, so reading the ${entity.name} rows of one ${field.relation.target}, joining them, and deleting a ${field.relation.target} all scan the ${entity.table} table. Add @Index() on the relation, then a migration.`,
        fixes: indexFix(model, entity, field),
      });
    }
  }
  return findings;
}

function indexFix(model: ProjectModel, entity: ModelDecl, field: Field): Fix[] {
  const at = field.annotationInsert;
  if (!at) return [];
  const file = field.location.file;
  const typeorm = model.files.get(file)?.namedImports?.find((entry) => entry.module === 'typeorm');
  if (!typeorm) return [];
  const edits = [{ file, range: { start: at.position, end: at.position }, newText: `${at.indent}@Index()\n` }];
  if (!typeorm.names.includes('Index')) edits.push({ file, range: { start: typeorm.insertAt, end: typeorm.insertAt }, newText: ', Index' });
  return [{ title: `Add @Index() to ${entity.name}.${field.name}`, isPreferred: true, edits }];
}
