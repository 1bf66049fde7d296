// TypeORM foreign keys without an index. TypeORM creates the constraint only; MySQL and MariaDB
// (InnoDB) index a foreign key column themselves, PostgreSQL, SQLite and SQL Server do not, so a
// join from the parent or a delete of a parent row scans the child table.
import type { ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { foreignKey } from './checks/foreign-key';
import { unindexedForeignKeys, withoutForeignKeyIndexes } from './foreign-keys';
import { indexPlan } from './index-plans';

export function checkTypeormForeignKeys(model: ProjectModel, report: Report): void {
  for (const { entity, field } of unindexedForeignKeys(model, 'typeorm')) {
    const relation = field.relation!;
    if (field.unique || relation.noConstraint || entity.indexes.some((index) => index.fields[0] === field.name)) continue;
    // Without a DataSource the database is unknown, and on MySQL this would be noise.
    const databases = withoutForeignKeyIndexes(entity);
    if (databases.length === 0) continue;
    const names = { model: entity.name, field: field.name };
    report(foreignKey, field.location, {
      message: 'typeorm',
      data: { ...names, column: field.column, database: databases.join('/'), target: relation.target, table: entity.table },
      fixes: [indexPlan(foreignKey.text('indexFix', names), entity, [field.name])],
    });
  }
}
