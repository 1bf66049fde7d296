// Prisma relation scalars (`authorId` of `author User @relation(fields: [authorId], ...)`) that no
// index leads with. Prisma Migrate creates the foreign key only; PostgreSQL, SQLite, SQL Server and
// CockroachDB do not index it, MySQL does, and with `relationMode = "prisma"` there is no foreign
// key at all, so no database adds one.
import type { Finding, ProjectModel } from '../../model/types';

const INDEXES_FOREIGN_KEYS = new Set(['mysql']);

export function checkPrismaForeignKeys(model: ProjectModel): Finding[] {
  const findings: Finding[] = [];
  for (const facts of model.files.values()) {
    if (facts.language !== 'prisma') continue;
    const provider = facts.databases?.[0];
    const emulated = facts.prismaRelationMode === 'prisma';
    if (!provider || provider === 'mongodb' || (INDEXES_FOREIGN_KEYS.has(provider) && !emulated)) continue;
    for (const entity of facts.models) {
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
