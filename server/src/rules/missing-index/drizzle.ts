// Drizzle foreign keys: `.references(() => users.id)` creates the constraint only. PostgreSQL and
// SQLite do not index it; MySQL (InnoDB) does.
import type { Finding, ProjectModel } from '../../model/types';
import { foreignKeyFinding, unindexedForeignKeys } from './foreign-keys';

export function checkDrizzleForeignKeys(model: ProjectModel): Finding[] {
  return unindexedForeignKeys(model, 'drizzle').flatMap(({ entity: table, field }) => {
    const dialects = model.files.get(table.location.file)?.databases ?? [];
    if (dialects.includes('mysql') || dialects.includes('singlestore')) return [];
    return [
      foreignKeyFinding(
        field,
        `\`${table.name}.${field.name}\` references ${field.relation!.target}, and no index leads with it: \`.references()\` creates the foreign key only, and ${dialects[0] ?? 'this database'} does not index it, so reading the ${table.table} rows of one ${field.relation!.target} and deleting one scan the table. Add \`index('${table.table}_${field.column}_idx').on(t.${field.name})\` to the table's third argument, then a migration.`,
      ),
    ];
  });
}
