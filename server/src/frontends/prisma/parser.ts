// schema.prisma through @mrleebo/prisma-ast, a Chevrotain grammar of the Prisma schema language
// that keeps source locations. It stops at the first syntax error; the caller keeps the last
// schema that parsed, so a half-typed model does not empty the explorer.
import { getSchema, PrismaParser, VisitorClassFactory, type Schema } from '@mrleebo/prisma-ast';

const parser = new PrismaParser({ nodeLocationTracking: 'full' });
const Visitor = VisitorClassFactory(parser);

export type ParseResult = { ok: true; schema: Schema } | { ok: false; message: string; line: number; column: number };

export function parsePrisma(text: string): ParseResult {
  try {
    return { ok: true, schema: getSchema(text, { parser, visitor: new Visitor(parser) }) };
  } catch (error) {
    const token = (error as { token?: { startLine?: number; startColumn?: number } }).token;
    return {
      ok: false,
      message: (error as Error).message.split('\n')[0],
      line: Math.max(0, (token?.startLine ?? 1) - 1),
      column: Math.max(0, (token?.startColumn ?? 1) - 1),
    };
  }
}
