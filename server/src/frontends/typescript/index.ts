import { SyntaxKind, ts, type SourceFile } from 'ts-morph';
import type { FileFacts, InsertPoint, ParseProblem } from '../../model/types';
import type { Frontend } from '../frontend';
import { emptyFacts } from '../frontend';
import { writeTypescriptChange } from './fixes';
import { linkTypescript } from './link';
import { extractColumnUsages } from './queries/column-usages';
import { extractDrizzleQueries } from './queries/drizzle-queries';
import { extractEventSignals } from './orm/event-signals';
import { extractDrizzleTables } from './orm/drizzle-tables';
import { extractComments } from './syntax/comments';
import { extractExpressChains } from './web/express-apps';
import { extractLogins } from './web/logins';
import { exportedNames, fileExports } from './syntax/exported-names';
import { importTable } from './syntax/imports';
import { extractKoaChains } from './web/koa-apps';
import { extractFastify } from './web/fastify-apps';
import { extractNest } from './web/nest-apps';
import { MAX_NODE_DEPTH, NodeIndex } from './syntax/node-index';
import { isPrismaConfig, prismaSchemaPath } from './orm/prisma-config';
import { extractPrismaHooks } from './orm/prisma-hooks';
import { extractLoopCalls } from './queries/query-helpers';
import { extractCallGraph } from './calls/call-graph';
import { extractPrismaQueries } from './queries/prisma-queries';
import { extractProblems } from './syntax/problems';
import { extractSequelizeDecorators } from './orm/sequelize-decorators';
import { extractSequelize } from './orm/sequelize-models';
import { extractMikroOrm } from './orm/mikro-orm-entities';
import { extractModelReads } from './queries/model-reads';
import { extractMongooseModels } from './orm/mongoose-models';
import { extractExportedOptions, extractSessions } from './web/sessions';
import { Locator, withSourceFile } from './syntax/source';
import { extractEntities } from './orm/typeorm-entities';
import { extractEntitySchemas } from './orm/typeorm-entity-schema';
import { extractTypeormQueries } from './queries/typeorm-queries';
import { builderColumnUsages, QueryBuilders } from './queries/typeorm-query-builders';
import { extractTypeormSignals } from './orm/typeorm-signals';
import { extractSymbols, SYMBOL_KINDS } from './syntax/symbols';

/** The node kinds the extractors look for anywhere in a file. */
const INDEXED_KINDS = [
  SyntaxKind.CallExpression,
  SyntaxKind.VariableDeclaration,
  SyntaxKind.ClassDeclaration,
  SyntaxKind.ImportEqualsDeclaration,
  SyntaxKind.AwaitExpression,
  SyntaxKind.NewExpression,
  SyntaxKind.BinaryExpression,
  ...SYMBOL_KINDS,
];

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** TypeScript and JavaScript: one syntax tree per file, no type checker, no other file read. */
export const typescriptFrontend: Frontend = {
  language: 'typescript',
  globs: EXTENSIONS.map((extension) => `**/*${extension}`),
  comments: { start: '// ', end: '', suppression: (ids) => `stackscope-ignore ${ids.join(' ')}` },
  writeChange: writeTypescriptChange,
  link: linkTypescript,
  handles: (file) => EXTENSIONS.some((extension) => file.endsWith(extension)) && !/\.d\.[cm]?ts$/.test(file),
  init: async () => {},
  analyze: (file, text) => {
    try {
      return analyzeSource(file, text);
    } catch (error) {
      // Absurdly deep nesting (thousands of brackets) exhausts the parser's stack: a file, not a bug.
      if (!(error instanceof RangeError)) throw error;
      const facts = emptyFacts(file, 'typescript');
      facts.problems.push({
        message: 'This file is nested too deeply to parse.',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
      return facts;
    }
  },
};

/** What the index left unread: said once per file, where it starts. */
function tooDeepNote(node: ts.Node, locator: Locator): ParseProblem {
  const start = locator.position(node.getStart());
  return {
    message: `nested deeper than ${MAX_NODE_DEPTH} levels (generated code?): what lies deeper is not analysed`,
    range: { start, end: start },
  };
}

function analyzeSource(file: string, text: string): FileFacts {
  return withSourceFile(file, text, (source): FileFacts => {
    const locator = new Locator(file, source);
    const index = new NodeIndex(source, INDEXED_KINDS);
    const imports = importTable(source, index);
    // Read once: the Express, Fastify, Nest and Prisma-config readers all ask what the file exports.
    const exports = fileExports(source, index);
    const exported = exportedNames(exports);
    const builders = new QueryBuilders(index);
    const typeorm = extractTypeormQueries(index, locator, builders);
    const sequelize = extractSequelize(index, locator);
    extractSequelizeDecorators(index, imports, locator, sequelize);
    const drizzle = extractDrizzleTables(index, locator);
    const mongoose = extractMongooseModels(index, locator);
    const mikro = extractMikroOrm(index, imports, locator);
    const fastify = extractFastify(source, index, imports, locator, exports, exported);
    const events = extractEventSignals(index, locator);
    const express = extractExpressChains(index, imports, locator, exported);
    const prismaSchema = isPrismaConfig(file) ? prismaSchemaPath(source, exports, file) : undefined;
    return {
      ...emptyFacts(file, 'typescript'),
      symbols: extractSymbols(index, locator, source.compilerNode),
      problems: extractProblems(source, locator),
      comments: extractComments(source, locator),
      models: [
        ...extractEntities(index, imports, locator),
        ...extractEntitySchemas(index, imports, locator),
        ...sequelize.models,
        ...drizzle.models,
        ...mongoose.models,
        ...mikro.models,
      ],
      signals: [
        ...extractTypeormSignals(index, imports, locator),
        ...sequelize.signals,
        ...extractPrismaHooks(index, locator),
        ...mongoose.signals,
        ...mikro.signals,
        ...events.handlers,
      ],
      signalSources: events.sources,
      middleware: [...express.chains, ...extractKoaChains(index, imports, locator), ...fastify.chains],
      sessions: [...extractSessions(index, imports, locator), ...fastify.sessions],
      perRowQueries: [
        ...typeorm.queries,
        ...extractPrismaQueries(index, locator),
        ...extractModelReads(index, locator),
        ...extractDrizzleQueries(index, locator),
      ],
      perRowLoads: typeorm.loads,
      columnUsages: [...extractColumnUsages(index, locator), ...builders.all.flatMap((builder) => builderColumnUsages(builder, locator))],
      ...optional('callGraph', extractCallGraph(source, index, imports, exports, locator)),
      middlewareHelpers: express.helpers,
      ...(fastify.helpers.length ? { fastifyHelpers: fastify.helpers } : {}),
      logins: extractLogins(index, imports, locator),
      exportedOptions: extractExportedOptions(source, index, exported, locator),
      loopCalls: extractLoopCalls(index, locator),
      databases: [...typeorm.databases, ...sequelize.dialects, ...drizzle.dialects],
      foreignKeys: sequelize.foreignKeys,
      tableIndexes: sequelize.tableIndexes,
      namedImports: namedImports(source, locator),
      importInsert: importInsert(source, locator),
      ...(fastify.plugins.length ? { fastifyPlugins: fastify.plugins } : {}),
      ...(prismaSchema ? { prismaSchemaPath: prismaSchema } : {}),
      nest: extractNest(source, index, imports, locator, exports),
      ...(index.tooDeep ? { notes: [tooDeepNote(index.tooDeep, locator)] } : {}),
    };
  });
}

function optional<K extends string, V>(key: K, value: V | undefined): { [key in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [key in K]?: V };
}

/** A new import line goes after the last import declaration, or at the top of the file. */
function importInsert(source: SourceFile, locator: Locator): InsertPoint {
  const imports = source.getImportDeclarations();
  const last = imports[imports.length - 1];
  return { position: { line: last ? locator.position(last.getEnd()).line + 1 : 0, character: 0 }, indent: '' };
}

function namedImports(source: SourceFile, locator: Locator): NonNullable<FileFacts['namedImports']> {
  return source.getImportDeclarations().flatMap((declaration) => {
    // A half-typed `import { a } from` has no module yet.
    const specifier = declaration.compilerNode.moduleSpecifier;
    const named = declaration.getNamedImports();
    const last = named[named.length - 1];
    if (!last || !ts.isStringLiteral(specifier)) return [];
    return [{ module: specifier.text, names: named.map((n) => n.getName()), insertAt: locator.position(last.getEnd()) }];
  });
}
