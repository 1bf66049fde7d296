// Prisma relation scalars (`authorId` of `author User @relation(fields: [authorId], ...)`) that no
// index leads with. Prisma Migrate creates the foreign key only; PostgreSQL, SQLite, SQL Server and
// CockroachDB do not index it, MySQL does, and with `relationMode = "prisma"` there is no foreign
// key at all, so no database adds one. The datasource may sit in another file of a schema folder.
import type { ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { emulatedRelation } from './checks/emulated-relation';
import { foreignKey } from './checks/foreign-key';
import { unindexedForeignKeys, withoutForeignKeyIndexes } from './foreign-keys';
import { indexPlan } from './index-plans';

export function checkPrismaForeignKeys(model: ProjectModel, report: Report): void {
  for (const schema of model.prismaSchemas ?? []) {
    const files = new Set(schema.files);
    for (const { entity, field } of unindexedForeignKeys(model, 'prisma')) {
      if (!files.has(entity.location.file)) continue;
      const [database] = withoutForeignKeyIndexes(entity, schema.relationMode);
      if (!database) continue;
      const keys = field.column.split(',');
      const data = {
        model: entity.name,
        field: field.name,
        keys: keys.map((key) => `\`${key}\``).join(', '),
        columns: keys.join(', '),
        target: field.relation!.target,
      };
      if (schema.relationMode === 'prisma') {
        const fixes = [indexPlan(emulatedRelation.text('fix', data), entity, keys)];
        report(emulatedRelation, field.location, { message: 'message', data, fixes });
      } else {
        const fixes = [indexPlan(foreignKey.text('prismaIndexFix', data), entity, keys)];
        report(foreignKey, field.location, { message: 'prisma', data: { ...data, database }, fixes });
      }
    }
  }
}
