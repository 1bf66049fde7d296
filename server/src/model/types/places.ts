// Places in the workspace: plain ranges, as in LSP; and the stacks and languages Stackscope reads.

/** 0-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A place in the workspace. `file` is an absolute path. */
export interface Location {
  file: string;
  range: Range;
}

export type Stack =
  'django' | 'typeorm' | 'prisma' | 'sequelize' | 'drizzle' | 'mongoose' | 'mikro-orm' | 'express' | 'nest' | 'fastify' | 'koa';

export type Language = 'python' | 'typescript' | 'prisma' | 'django-template' | 'package-json';
