// MikroORM many-to-one relations without an index. MikroORM indexes foreign keys itself on the
// platforms that need it (MySQL, SQLite) but not on PostgreSQL (`indexForeignKeys()` is false there),
// where a relation needs `index: true` or `@Index()`.
import type { Finding, ProjectModel } from '../../model/types';
import { foreignKeyFinding, unindexedForeignKeys } from './foreign-keys';

export function checkMikroOrmForeignKeys(model: ProjectModel): Finding[] {
  const postgres = [...model.files.values()].some((facts) => facts.namedImports?.some((entry) => entry.module === '@mikro-orm/postgresql'));
  if (!postgres) return [];
  return unindexedForeignKeys(model, 'mikro-orm').map(({ entity, field }) =>
    foreignKeyFinding(
      field,
      `\`${entity.name}.${field.name}\` is a many-to-one relation whose foreign key \`${field.column}\` has no index: on PostgreSQL MikroORM does not create one, so reading the ${entity.name} rows of one ${field.relation!.target} and deleting one scan the table. Add \`index: true\` to @ManyToOne (or @Index()), then a migration.`,
    ),
  );
}
