// Drizzle foreign keys: `.references(() => users.id)` creates the constraint only. PostgreSQL and
// SQLite do not index it; MySQL (InnoDB) does.
import { indexesForeignKeys } from '../../model/foreign-key-indexes';
import type { ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { foreignKey } from './checks/foreign-key';
import { unindexedForeignKeys } from './foreign-keys';

export function checkDrizzleForeignKeys(model: ProjectModel, report: Report): void {
  for (const { entity: table, field } of unindexedForeignKeys(model, 'drizzle')) {
    // The dialects of the table's file (pgTable, mysqlTable...): a file with a MySQL table is taken to be on MySQL.
    const databases = table.databases ?? [];
    if (databases.some((database) => indexesForeignKeys(database))) continue;
    const database = databases[0] ?? foreignKey.text('unknownDatabase');
    report(foreignKey, field.location, {
      message: 'drizzle',
      data: { model: table.name, field: field.name, target: field.relation!.target, database, table: table.table, column: field.column },
    });
  }
}
