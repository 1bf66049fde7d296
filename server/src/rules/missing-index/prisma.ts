// Prisma relation scalars (`authorId` of `author User @relation(fields: [authorId], ...)`) that no
// index leads with. Prisma Migrate creates the foreign key only; PostgreSQL, SQLite, SQL Server and
// CockroachDB do not index it, MySQL does, and with `relationMode = "prisma"` there is no foreign
// key at all, so no database adds one. The datasource may sit in another file of a schema folder.
import type { Finding, ProjectModel } from '../../model/types';

const INDEXES_FOREIGN_KEYS = new Set(['mysql']);

export function checkPrismaForeignKeys(model: ProjectModel): Finding[] {
  const findings: Finding[] = [];
  for (const schema of model.prismaSchemas ?? []) {
    const provider = schema.provider;
    const emulated = schema.relationMode === 'prisma';
    if (!provider || provider === 'mongodb' || (INDEXES_FOREIGN_KEYS.has(provider) && !emulated)) continue;
    const files = new Set(schema.files);
    for (const entity of model.models) {
      if (entity.stack !== 'prisma' || !files.has(entity.location.file)) continue;
      for (const field of entity.fields) {
        if (field.relation?.kind !== 'many-to-one' || field.indexed) continue;
        const keys = field.column.split(',');
        const why = emulated ? 'with relationMode = "prisma" there is no foreign key, so no database index either' : `${provider} does not index foreign keys by itself`;
        const at = entity.bodyInsert;
        findings.push({
          rule: 'missing-index',
          severity: 'warning',
          file: field.location.file,
          range: field.location.range,
          message: `\`${entity.name}.${field.name}\` stores its relation in ${keys.map((k) => `\`${k}\``).join(', ')}, which no index leads with: ${why}, so reading the ${entity.name} rows of one ${field.relation.target}, joining them and deleting a ${field.relation.target} scan the table. Add @@index([${keys.join(', ')}]), then a migration.`,
          fixes: at
            ? [{ title: `Add @@index([${keys.join(', ')}]) to ${entity.name}`, isPreferred: true, edits: [{ file: field.location.file, range: { start: at.position, end: at.position }, newText: `${at.indent}@@index([${keys.join(', ')}])\n` }] }]
            : [],
        });
      }
    }
  }
  return findings;
}
