// The databases each model's table lives in, read from what its ORM is configured with: the project's
// TypeORM DataSources and Sequelize connections, the dialect of a Drizzle table's file, the MikroORM driver
// the project imports, its Prisma schema's provider, Django's DATABASES. A project may configure several
// (a DataSource chosen by an environment variable among sqlite, mysql and postgres): the model may live in each.
import type { FileFacts, ModelDecl, PrismaSchema, SettingsModule, Stack } from './types';

/** MikroORM's driver packages and the database each talks to. */
const MIKRO_ORM_DRIVERS: Readonly<Record<string, string>> = {
  '@mikro-orm/postgresql': 'postgresql',
  '@mikro-orm/mysql': 'mysql',
  '@mikro-orm/mariadb': 'mariadb',
  '@mikro-orm/sqlite': 'sqlite',
  '@mikro-orm/better-sqlite': 'sqlite',
  '@mikro-orm/libsql': 'sqlite',
  '@mikro-orm/mssql': 'mssql',
  '@mikro-orm/mongodb': 'mongodb',
};

export function linkModelDatabases(
  models: readonly ModelDecl[],
  files: ReadonlyMap<string, FileFacts>,
  settings: Iterable<SettingsModule>,
  schemas: readonly PrismaSchema[],
): ModelDecl[] {
  const all = [...files.values()];
  // The DataSource, Sequelize and Drizzle configurations of the TypeScript files; a Prisma schema's provider is not theirs.
  const project = unique(all.filter((facts) => facts.language === 'typescript').flatMap((facts) => facts.databases ?? []));
  const mikroOrm = unique(all.flatMap((facts) => facts.namedImports ?? []).flatMap((entry) => MIKRO_ORM_DRIVERS[entry.module] ?? []));
  const providers = new Map<string, string>();
  for (const schema of schemas) for (const file of schema.files) if (schema.provider) providers.set(file, schema.provider);
  const django = djangoDatabase(settings);
  const byStack: Partial<Record<Stack, (model: ModelDecl) => readonly string[]>> = {
    typeorm: () => project,
    sequelize: () => project,
    // A Drizzle table's factory (pgTable, mysqlTable...) gives its file's dialect.
    drizzle: (model) => unique(files.get(model.location.file)?.databases ?? []),
    'mikro-orm': () => mikroOrm,
    prisma: (model) => {
      const provider = providers.get(model.location.file);
      return provider ? [provider] : [];
    },
    django: () => (django ? [django] : []),
  };
  return models.map((model) => {
    const databases = byStack[model.stack]?.(model) ?? [];
    return databases.length > 0 ? { ...model, databases } : model;
  });
}

/**
 * Django's default database, by engine. InnoDB indexes every foreign key itself, so a project whose
 * settings run it on MySQL anywhere is taken to be on MySQL.
 */
function djangoDatabase(settings: Iterable<SettingsModule>): string | undefined {
  const engines: string[] = [];
  for (const module of settings) {
    const databases = module.assignments.get('DATABASES')?.value;
    const primary = databases?.kind === 'object' ? databases.entries.find((entry) => entry.key === 'default')?.value : undefined;
    const engine = primary?.kind === 'object' ? primary.entries.find((entry) => entry.key === 'ENGINE')?.value : undefined;
    if (engine?.kind === 'string') engines.push(engine.value);
  }
  if (engines.some((engine) => engine.includes('mysql'))) return 'mysql';
  // `django.db.backends.postgresql` → `postgresql`.
  return engines[0]?.split('.').pop();
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}
