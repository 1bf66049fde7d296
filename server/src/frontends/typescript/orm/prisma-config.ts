// prisma.config.ts: where Prisma's schema is (`defineConfig({ schema: 'prisma/schema' })`), read from the
// syntax tree and never run. Only a value known without running anything counts: a string, or
// `path.join(...)` of strings (and `__dirname`, the config's own folder); Prisma resolves it against
// the config file's folder.
import { basename, dirname, join, resolve } from 'node:path';
import { Node, type SourceFile } from 'ts-morph';
import { exportedValues, type FileExport } from '../syntax/exported-names';
import { unwrap } from '../syntax/imports';

/** `prisma.config.ts` and its JavaScript and module variants. */
export function isPrismaConfig(file: string): boolean {
  return /^prisma\.config\.[cm]?[jt]s$/.test(basename(file));
}

/** The absolute path the config's `schema` names, when it is written out. */
export function prismaSchemaPath(source: SourceFile, exports: readonly FileExport[], file: string): string | undefined {
  let config = exportedValues(exports).find((value) => value.name === 'default')?.target;
  if (config && Node.isIdentifier(unwrap(config))) config = source.getVariableDeclaration(unwrap(config).getText())?.getInitializer();
  config = config && unwrap(config);
  // `defineConfig({ ... })`
  if (config && Node.isCallExpression(config)) config = config.getArguments()[0] && unwrap(config.getArguments()[0]);
  const schema = config && Node.isObjectLiteralExpression(config) ? config.getProperty('schema') : undefined;
  const value = Node.isPropertyAssignment(schema) ? staticPath(unwrap(schema.getInitializerOrThrow()), dirname(file)) : undefined;
  return value === undefined ? undefined : resolve(dirname(file), value);
}

function staticPath(node: Node, folder: string): string | undefined {
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue() || undefined;
  if (Node.isIdentifier(node) && node.getText() === '__dirname') return folder;
  if (!Node.isCallExpression(node)) return undefined;
  const callee = node.getExpression();
  const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
  if (name !== 'join' || (Node.isPropertyAccessExpression(callee) && callee.getExpression().getText() !== 'path')) return undefined;
  const parts = node.getArguments().map((argument) => staticPath(unwrap(argument), folder));
  return parts.length > 0 && parts.every((part) => part !== undefined) ? join(...(parts as string[])) : undefined;
}
