// Sequelize foreign keys (from belongsTo/hasMany/references) that no index leads with, counting
// the model's `indexes` and the migrations' `addIndex`. Sequelize creates no index for them, and
// only MySQL/MariaDB add one by themselves.
import type { Finding, ProjectModel } from '../../model/types';
import { foreignKeyFinding, unindexedForeignKeys } from './foreign-keys';

const INDEXES_FOREIGN_KEYS = new Set(['mysql', 'mariadb']);

export function checkSequelizeForeignKeys(model: ProjectModel): Finding[] {
  const dialects = [...model.files.values()].filter((facts) => facts.language === 'typescript').flatMap((facts) => facts.databases ?? []);
  if (dialects.length === 0 || dialects.every((dialect) => INDEXES_FOREIGN_KEYS.has(dialect))) return [];
  const database = dialects.filter((d) => !INDEXES_FOREIGN_KEYS.has(d)).filter((d, i, all) => all.indexOf(d) === i).join('/');
  return unindexedForeignKeys(model, 'sequelize').map(({ entity, field }) =>
    foreignKeyFinding(
      field,
      `\`${entity.name}.${field.name}\` is the foreign key to ${field.relation!.target}, and no index leads with it (neither the model's \`indexes\` nor a migration's \`addIndex\`): ${database} does not index foreign keys by itself, so including ${entity.name} rows of a ${field.relation!.target} and deleting one scan the ${entity.table} table. Add \`queryInterface.addIndex('${entity.table}', ['${field.column}'])\` in a migration.`,
    ),
  );
}
