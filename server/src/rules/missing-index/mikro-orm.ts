// MikroORM many-to-one relations without an index. MikroORM indexes foreign keys itself on the
// platforms that need it (MySQL, SQLite) but not on PostgreSQL (`indexForeignKeys()` is false there),
// where a relation needs `index: true` or `@Index()`.
import type { ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { foreignKey } from './checks/foreign-key';
import { unindexedForeignKeys, withoutForeignKeyIndexes } from './foreign-keys';

export function checkMikroOrmForeignKeys(model: ProjectModel, report: Report): void {
  for (const { entity, field } of unindexedForeignKeys(model, 'mikro-orm')) {
    if (withoutForeignKeyIndexes(entity).length === 0) continue;
    report(foreignKey, field.location, {
      message: 'mikroOrm',
      data: { model: entity.name, field: field.name, column: field.column, target: field.relation!.target },
    });
  }
}
