// The Prisma frontend: `schema.prisma` (and the files of a multi-file schema folder) → models,
// indexes, and the datasource's provider and relation mode.
import type { Block, Datasource, Model } from '@mrleebo/prisma-ast';
import type { FileFacts, ModelDecl, PrismaFileSchema } from '../../model/types';
import type { Frontend } from '../frontend';
import { emptyFacts } from '../frontend';
import { writePrismaChange } from './fixes';
import { linkPrisma } from './link';
import { readModel } from './models';
import { parsePrisma } from './parser';

/** The last schema of each file that parsed, served while the file is half-typed. */
const lastGood = new Map<string, { models: ModelDecl[]; databases: string[]; relationMode?: string; schema: PrismaFileSchema }>();

export const prismaFrontend: Frontend = {
  language: 'prisma',
  globs: ['**/*.prisma'],
  handles: (file) => file.endsWith('.prisma'),
  comments: { start: '// ', end: '', suppression: (ids) => `stackscope-ignore ${ids.join(' ')}` },
  writeChange: writePrismaChange,
  link: linkPrisma,
  init: async () => {},
  analyze(file, text) {
    const facts: FileFacts = emptyFacts(file, 'prisma');
    const parsed = parsePrisma(text);
    if (!parsed.ok) {
      const position = { line: parsed.line, character: parsed.column };
      const previous = lastGood.get(file);
      const shown = previous ? 'the models of the last version that parsed are used' : 'its models are not analysed until it parses';
      facts.problems.push({
        message: `Prisma schema syntax error: ${parsed.message} (${shown})`,
        range: { start: position, end: position },
        stopsAnalysis: true,
      });
      if (previous)
        Object.assign(facts, {
          models: previous.models,
          databases: previous.databases,
          prismaSchema: previous.schema,
          ...(previous.relationMode ? { prismaRelationMode: previous.relationMode } : {}),
        });
      return facts;
    }
    const blocks = parsed.schema.list;
    facts.comments = comments(blocks);
    // Enums and composite types are field types, not relations. Those of other files of a schema
    // folder are known only when the files are linked (see model/prisma-schemas.ts).
    const enums = new Set(blocks.flatMap((block) => (block.type === 'enum' || block.type === 'type' ? [block.name] : [])));
    facts.models = blocks.filter((block): block is Model => block.type === 'model').map((model) => readModel(model, file, enums));
    // A schema's only definitions are its models, one level deep. The parser locates a model by its
    // header line: its body runs to the line after its last field, where the insertion point is.
    facts.symbols = facts.models.map((model) => ({
      name: model.name,
      kind: 'class',
      range: { start: model.location.range.start, end: model.bodyInsert?.position ?? model.location.range.end },
    }));
    const datasource = blocks.find((block): block is Datasource => block.type === 'datasource');
    const setting = (key: string) => {
      const assignment = datasource?.assignments.find((a) => a.type === 'assignment' && a.key === key);
      return assignment && assignment.type === 'assignment' && typeof assignment.value === 'string'
        ? assignment.value.replace(/^"|"$/g, '')
        : undefined;
    };
    const provider = setting('provider');
    const relationMode = setting('relationMode');
    facts.databases = provider ? [provider] : [];
    if (relationMode) facts.prismaRelationMode = relationMode;
    facts.prismaSchema = { enums: [...enums], datasource: datasource !== undefined, text };
    lastGood.set(file, {
      models: facts.models,
      databases: facts.databases,
      schema: facts.prismaSchema,
      ...(relationMode ? { relationMode } : {}),
    });
    return facts;
  },
};

/** `//` comments with their lines: standalone ones carry a location, trailing ones sit on their field's line. */
function comments(blocks: readonly Block[]): FileFacts['comments'] {
  const found: FileFacts['comments'] = [];
  const add = (text: string | undefined, line: number | undefined) => {
    if (text && line !== undefined) found.push({ line: line - 1, text });
  };
  for (const block of blocks) {
    if (block.type === 'comment') add(block.text, (block as { location?: { startLine?: number } }).location?.startLine);
    if (block.type !== 'model') continue;
    for (const property of block.properties) {
      if (property.type === 'comment') add(property.text, (property as { location?: { startLine?: number } }).location?.startLine);
      if (property.type === 'field') add(property.comment, property.location?.startLine);
    }
  }
  return found;
}
