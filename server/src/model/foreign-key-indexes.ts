// Which databases index a foreign key column themselves. A relation's key column that no index leads
// with makes reading one parent's children, joining them and deleting a parent scan the child table;
// where the database adds that index itself, the schema need not declare one.
import type { Stack } from './types';

/**
 * What a database does with the column of a foreign key, by the name its configuration gives it (TypeORM's
 * `type`, a Sequelize dialect, a Prisma provider, a Drizzle table factory's dialect). A database not listed
 * (PostgreSQL, SQLite, SQL Server, CockroachDB, Oracle...) creates the constraint and no index.
 */
const FOREIGN_KEY_COLUMNS: Readonly<Record<string, 'indexed' | 'no-foreign-keys'>> = {
  // InnoDB needs an index on every foreign key and creates one when the constraint has none.
  mysql: 'indexed',
  mariadb: 'indexed',
  'aurora-mysql': 'indexed',
  // No foreign keys to index: relations are references by value, and nothing is reported on them.
  mongodb: 'no-foreign-keys',
  singlestore: 'no-foreign-keys',
};

/**
 * Whether a relation's key column on `database` needs no index declared in the schema: the database
 * indexes its foreign keys itself, or has none. With Prisma's `relationMode = "prisma"` the relations
 * are emulated and there is no foreign key, so MySQL adds no index either.
 */
export function indexesForeignKeys(database: string, relationMode?: string): boolean {
  const columns = FOREIGN_KEY_COLUMNS[database];
  return columns === 'no-foreign-keys' || (columns === 'indexed' && relationMode !== 'prisma');
}

/**
 * Whether the ORM's schema generator indexes a foreign key column the database would leave bare. MikroORM
 * does on every platform but PostgreSQL (`Platform.indexForeignKeys()` is false there only).
 */
export function ormIndexesForeignKeys(stack: Stack, database: string): boolean {
  return stack === 'mikro-orm' && database !== 'postgresql';
}
