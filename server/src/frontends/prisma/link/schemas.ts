// Prisma reads every `.prisma` file of a schema folder as one schema (`prismaSchemaFolder`, GA in
// 6.6): the folder that holds the datasource, with its subfolders. One file alone cannot know that
// `role Role` names an enum of another file, nor which database the datasource of another file
// configures. This joins the files of each schema, corrects what one file took for a relation, and
// hands the whole schema to Prisma's engine, whose facts override the parser's when it validates.
// Where package.json or prisma.config.ts names the schema's location, that decides what one schema is.
// Facts stay per file (an edit re-parses one file); the engine result is remembered per schema text.
import { dirname, sep } from 'node:path';
import { runEngine, spanLocation } from '../engine';
import { withEngineFacts } from '../engine-models';
import type { Field, FileFacts, ModelDecl, PrismaSchema } from '../../../model/types';

export function linkPrismaSchemas(
  models: readonly ModelDecl[],
  files: ReadonlyMap<string, FileFacts>,
): { models: ModelDecl[]; schemas: PrismaSchema[] } {
  const prisma = [...files.values()].filter((facts) => facts.language === 'prisma');
  if (prisma.length === 0) return { models: [...models], schemas: [] };
  const replaced = new Map<ModelDecl, ModelDecl>();
  const schemas: PrismaSchema[] = [];
  for (const group of schemaGroups(prisma, configuredSchemas(files))) {
    const inGroup = new Set(group.map((facts) => facts.file));
    const own = models.filter((m) => m.stack === 'prisma' && inGroup.has(m.location.file));
    const names = new Set(own.map((m) => m.name));
    const enums = new Set(group.flatMap((facts) => facts.prismaSchema?.enums ?? []).filter((name) => !names.has(name)));
    const datasource = group.find((facts) => facts.prismaSchema?.datasource) ?? group.find((facts) => (facts.databases ?? []).length > 0);
    const schema: PrismaSchema = { files: [...inGroup], engine: 'unavailable' };
    if (datasource?.databases?.[0]) schema.provider = datasource.databases[0];
    if (datasource?.prismaRelationMode) schema.relationMode = datasource.prismaRelationMode;
    const texts = group.flatMap((facts) => (facts.prismaSchema ? [[facts.file, facts.prismaSchema.text] as const] : []));
    const result = texts.length === group.length ? runEngine(texts) : undefined;
    for (const model of own) {
      const fixed = enums.size > 0 ? withEnumFields(model, enums) : model;
      const engine = result?.status === 'validated' ? result.models.get(model.name) : undefined;
      const linked = engine && result?.status === 'validated' ? withEngineFacts(fixed, engine, result.models) : fixed;
      if (linked !== model) replaced.set(model, linked);
    }
    if (result?.status === 'validated') schema.engine = 'validated';
    else if (result) {
      schema.engine = result.status;
      const text = result.status === 'rejected' && result.file ? texts.find(([file]) => file === result.file)?.[1] : undefined;
      schema.engineError = {
        message: result.message,
        ...(text !== undefined && result.status === 'rejected' && result.file
          ? { location: spanLocation(result.file, text, result.start ?? 0, result.end ?? 0) }
          : {}),
      };
    }
    schemas.push(schema);
  }
  return { models: models.map((model) => replaced.get(model) ?? model), schemas };
}

/**
 * The files of each schema. A configured location comes first, as it does for Prisma's CLI: a configured
 * file is a schema of its own, and a configured folder is one schema of every `.prisma` file under it,
 * wherever its datasource is. Elsewhere, a folder with one datasource file is a schema root, and every
 * `.prisma` file under it (not under a deeper root) belongs to it. Files under no root stand alone, and so
 * do the files of a folder with several datasources (separate single-file schemas side by side).
 */
function schemaGroups(files: readonly FileFacts[], configured: readonly string[]): FileFacts[][] {
  const configuredFiles = new Set(files.map((facts) => facts.file).filter((file) => configured.includes(file)));
  const configuredFolders = configured.filter((path) => !configuredFiles.has(path));
  const datasources = new Map<string, number>();
  for (const facts of files) {
    if (facts.prismaSchema?.datasource && !configuredFiles.has(facts.file))
      datasources.set(dirname(facts.file), (datasources.get(dirname(facts.file)) ?? 0) + 1);
  }
  const roots = [...datasources].filter(([, count]) => count === 1).map(([dir]) => dir);
  const groups = new Map<string, FileFacts[]>();
  for (const facts of files) {
    const dir = dirname(facts.file);
    const root = configuredFiles.has(facts.file) ? facts.file : (deepest(dir, configuredFolders) ?? deepest(dir, roots) ?? facts.file);
    groups.set(root, [...(groups.get(root) ?? []), facts]);
  }
  return [...groups.values()];
}

/** The deepest of `roots` that holds `dir`. */
function deepest(dir: string, roots: readonly string[]): string | undefined {
  return roots
    .filter((root) => dir === root || dir.startsWith(root.endsWith(sep) ? root : root + sep))
    .sort((a, b) => b.length - a.length)[0];
}

/**
 * The schema locations the project configures, one per package: prisma.config.ts wins over package.json
 * in the same folder (Prisma 7 reads only the config, and earlier versions prefer it).
 */
function configuredSchemas(files: ReadonlyMap<string, FileFacts>): string[] {
  const byFolder = new Map<string, FileFacts>();
  for (const facts of files.values()) {
    if (!facts.prismaSchemaPath) continue;
    const known = byFolder.get(dirname(facts.file));
    if (!known || (known.language === 'package-json' && facts.language !== 'package-json')) byFolder.set(dirname(facts.file), facts);
  }
  return [...byFolder.values()].map((facts) => facts.prismaSchemaPath as string);
}

/** Fields whose type is an enum or composite type of another file of the schema: scalars, not relations. */
function withEnumFields(model: ModelDecl, enums: ReadonlySet<string>): ModelDecl {
  if (!model.fields.some((field) => field.relation && enums.has(field.relation.target))) return model;
  const fields = model.fields.map((field): Field => {
    if (!field.relation || !enums.has(field.relation.target)) return field;
    const { relation, ...scalar } = field;
    const key = (source: string) =>
      model.indexes.some((index) => index.source === source && index.fields.length === 1 && index.fields[0] === field.name);
    const primaryKey = key('@id');
    const unique = key('@unique');
    const indexed = primaryKey || unique || model.indexes.some((index) => index.fields[0] === field.name);
    return { ...scalar, column: field.name, primaryKey, unique, indexed, nullable: relation.nullable ?? false };
  });
  return { ...model, fields };
}
