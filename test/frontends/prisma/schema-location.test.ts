// Where package.json (`prisma.schema`) or prisma.config.ts (`schema`) says the Prisma schema is, that
// decides which `.prisma` files are one schema, as it does for Prisma's CLI: a configured folder is one
// schema wherever its datasource is, a configured file is a schema of its own. The config is read from
// its syntax tree, never run.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { packageJsonFrontend } from '../../../server/src/frontends/package-json';
import { prismaFrontend } from '../../../server/src/frontends/prisma';
import { setEngineForTests } from '../../../server/src/frontends/prisma/engine';
import { typescriptFrontend } from '../../../server/src/frontends/typescript';
import { buildProjectModel } from '../../../server/src/workspace/project';
import type { FileFacts } from '../../../server/src/model/types';
import { analyzeFixture, checkFixture } from '../../support/harness';

const fixture = join(__dirname, '..', '..', 'rules', 'missing-index', 'fixtures', 'prisma-configured');

/** Analyses files as the analyzer would (each by its own frontend), and links them into a project model. */
function modelOf(files: Record<string, string>) {
  const frontendOf = (file: string) =>
    [prismaFrontend, packageJsonFrontend, typescriptFrontend].find((frontend) => frontend.handles(file))!;
  const facts = new Map<string, FileFacts>(
    Object.entries(files).map(([file, text]) => [file, frontendOf(file).analyze(file, text) as FileFacts]),
  );
  return buildProjectModel('/p', facts);
}

/** Each schema's files, sorted, as paths below /p. */
const schemasOf = (files: Record<string, string>) =>
  (modelOf(files).prismaSchemas ?? []).map((schema) => schema.files.map((file) => file.slice('/p/'.length)).sort()).sort();

const DATASOURCE = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n';
const MODELS = {
  '/p/db/schema/config/datasource.prisma': DATASOURCE,
  '/p/db/schema/user.prisma': 'model User {\n  id Int @id\n  posts Post[]\n}\n',
  '/p/db/schema/models/post.prisma':
    'model Post {\n  id Int @id\n  authorId Int\n  author User @relation(fields: [authorId], references: [id])\n}\n',
};

afterEach(() => setEngineForTests(undefined));

describe('Prisma schema location: package.json', () => {
  it('reads a configured folder as one schema, its datasource in a subfolder, and flags what that schema lacks', async () => {
    await checkFixture(fixture, 'missing-index');
    const model = (await analyzeFixture(fixture)).model();
    assert.deepEqual(
      model.prismaSchemas?.map((schema) => [schema.files.length, schema.provider, schema.engine]),
      [[3, 'postgresql', 'validated']],
    );
  });

  it('without the setting, the datasource subfolder is a schema of its own and the models stand alone', () => {
    assert.deepEqual(schemasOf(MODELS), [
      ['db/schema/config/datasource.prisma'],
      ['db/schema/models/post.prisma'],
      ['db/schema/user.prisma'],
    ]);
    assert.deepEqual(schemasOf({ ...MODELS, '/p/package.json': '{ "prisma": { "schema": "./db/schema/" } }' }), [
      ['db/schema/config/datasource.prisma', 'db/schema/models/post.prisma', 'db/schema/user.prisma'],
    ]);
  });

  it('a configured file is a schema of its own, though its folder holds another datasource and more models', () => {
    const files = {
      '/p/db/app.prisma': `${DATASOURCE}model Post {\n  id Int @id\n}\n`,
      '/p/db/reporting.prisma': DATASOURCE.replace('postgresql', 'mysql'),
      '/p/db/extra/report.prisma': 'model Report {\n  id Int @id\n}\n',
      '/p/package.json': '{ "prisma": { "schema": "db/app.prisma" } }',
    };
    assert.deepEqual(schemasOf(files), [['db/app.prisma'], ['db/extra/report.prisma', 'db/reporting.prisma']]);
    assert.deepEqual(schemasOf({ ...files, '/p/package.json': '{ "prisma": { "schema": "db" } }' }), [
      ['db/app.prisma', 'db/extra/report.prisma', 'db/reporting.prisma'],
    ]);
  });

  it('ignores a setting that is no string', () => {
    assert.equal(packageJsonFrontend.analyze('/p/package.json', '{ "prisma": { "schema": ["db"] } }').prismaSchemaPath, undefined);
    assert.equal(packageJsonFrontend.analyze('/p/package.json', '{ "prisma": "db" }').prismaSchemaPath, undefined);
  });
});

describe('Prisma schema location: prisma.config.ts', () => {
  const config = (text: string, file = '/p/prisma.config.ts') => typescriptFrontend.analyze(file, text).prismaSchemaPath;

  it('reads a string or path.join of strings from defineConfig, a satisfies object or a const, relative to the config', () => {
    assert.equal(
      config("import { defineConfig } from 'prisma/config';\nexport default defineConfig({ schema: 'prisma/schema' });\n"),
      '/p/prisma/schema',
    );
    assert.equal(
      config(
        "import path from 'node:path';\nimport type { PrismaConfig } from 'prisma';\nexport default { schema: path.join('db', 'schema') } satisfies PrismaConfig;\n",
      ),
      '/p/db/schema',
    );
    assert.equal(
      config(
        "import path from 'node:path';\nconst config = defineConfig({ schema: path.join(__dirname, 'prisma') });\nexport default config;\n",
        '/p/api/prisma.config.mts',
      ),
      '/p/api/prisma',
    );
  });

  it('reads nothing it would have to run, and nothing from other files', () => {
    assert.equal(config('export default defineConfig({ schema: process.env.SCHEMA });\n'), undefined);
    assert.equal(
      config("import path from 'node:path';\nexport default defineConfig({ schema: path.join(root(), 'schema') });\n"),
      undefined,
    );
    assert.equal(config('export default defineConfig({ schema: `${dir}/schema` });\n'), undefined);
    assert.equal(config("export default defineConfig({ schema: 'prisma/schema' });\n", '/p/src/config.ts'), undefined);
  });

  it('wins over package.json in the same folder', () => {
    const files = {
      ...MODELS,
      '/p/db/schema/models/legacy.prisma': DATASOURCE,
      '/p/package.json': '{ "prisma": { "schema": "db/schema" } }',
      '/p/prisma.config.ts':
        "import { defineConfig } from 'prisma/config';\nexport default defineConfig({ schema: 'db/schema/models/legacy.prisma' });\n",
    };
    assert.deepEqual(schemasOf(files), [
      ['db/schema/config/datasource.prisma'],
      ['db/schema/models/legacy.prisma'],
      ['db/schema/models/post.prisma'],
      ['db/schema/user.prisma'],
    ]);
  });
});
