// Sequelize foreign keys (from belongsTo/hasMany/references) that no index leads with, counting
// the model's `indexes` and the migrations' `addIndex`. Sequelize creates no index for them, and
// only MySQL/MariaDB add one by themselves.
import type { ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { foreignKey } from './checks/foreign-key';
import { unindexedForeignKeys, withoutForeignKeyIndexes } from './foreign-keys';

export function checkSequelizeForeignKeys(model: ProjectModel, report: Report): void {
  for (const { entity, field } of unindexedForeignKeys(model, 'sequelize')) {
    // Without a configured dialect the database is unknown, and on MySQL this would be noise.
    const databases = withoutForeignKeyIndexes(entity);
    if (databases.length === 0) continue;
    report(foreignKey, field.location, {
      message: 'sequelize',
      data: {
        model: entity.name,
        field: field.name,
        target: field.relation!.target,
        database: databases.join('/'),
        table: entity.table,
        column: field.column,
      },
    });
  }
}
