import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import type { FileFacts, SessionConfig, Stack, Value } from '../../../model/types';
import type { ExportedNames } from '../syntax/exported-names';
import { resolveReference, unwrap, type ImportTable } from '../syntax/imports';
import type { NodeIndex } from '../syntax/node-index';
import type { Locator } from '../syntax/source';
import { readValue } from '../syntax/values';

/** Session middleware factories, by the package that exports them as its main export. */
const SESSION_FACTORIES: ReadonlyMap<string, Stack> = new Map([
  ['express-session', 'express'],
  ['cookie-session', 'express'],
  ['koa-session', 'koa'],
]);

// express-session 1.19 accepts `cookie: (req) => ({...})`.
const FUNCTION_ENTRIES = new Set(['cookie']);

/** Every call of a session factory, whatever its local name, with its options read as far as possible. */
export function extractSessions(index: NodeIndex, imports: ImportTable, locator: Locator): SessionConfig[] {
  const sessions: SessionConfig[] = [];
  for (const call of index.of(SyntaxKind.CallExpression)) {
    const reference = resolveReference(call.getExpression(), imports);
    if (!reference) continue;
    // iron-session: `getIronSession(req, res, options)` / `getIronSession(cookies(), options)`, options last.
    if (reference.module === 'iron-session' && IRON_FUNCTIONS.has(reference.name)) {
      const options = call.getArguments()[call.getArguments().length - 1];
      if (options) sessions.push(sessionOf(call, 'iron-session', 'express', locator, imports, options));
      continue;
    }
    if (reference.name !== '') continue;
    const stack = SESSION_FACTORIES.get(reference.module);
    if (!stack) continue;
    sessions.push(sessionOf(call, reference.module, stack, locator, imports));
  }
  return sessions;
}

const IRON_FUNCTIONS = new Set(['getIronSession', 'sealData', 'unsealData']);

function sessionOf(
  call: CallExpression,
  library: string,
  stack: Stack,
  locator: Locator,
  imports: ImportTable,
  optionsNode?: Node,
): SessionConfig {
  const config: SessionConfig = { library, stack, call: locator.of(call), file: locator.file };
  const argument = optionsNode ?? call.getArguments()[0];
  if (!argument) return config;
  config.optionsArgument = { location: locator.of(argument), isLiteral: Node.isObjectLiteralExpression(argument) };
  // `session(sessionOptions)` with the options imported from a file of the project: read there, when linked.
  const named = unwrap(argument);
  const binding = Node.isIdentifier(named) ? imports.get(named.getText()) : undefined;
  if (binding?.module.startsWith('.')) config.optionsImport = { module: binding.module, name: binding.name || 'default' };
  const value: Value = readValue(argument, { locator, functionEntries: FUNCTION_ENTRIES });
  // Options that cannot be read are not "no options": keep an empty object marked partial, so nothing is
  // concluded from keys that seem absent.
  config.options = value.kind === 'object' ? value : { kind: 'object', entries: [], partial: true, location: value.location };
  return config;
}

/** Keys only session options have: an exported object with one of them may be handed to a session factory elsewhere. */
const SESSION_KEYS = new Set(['secret', 'keys', 'cookie', 'store', 'resave', 'saveUninitialized', 'signed', 'rolling']);

/** Exported `const` object literals that look like session options (`export const sessionOptions = {...}`, `export default {...}`). */
export function extractExportedOptions(
  source: SourceFile,
  index: NodeIndex,
  exported: ExportedNames,
  locator: Locator,
): NonNullable<FileFacts['exportedOptions']> {
  const found: NonNullable<FileFacts['exportedOptions']> = [];
  const read = (names: readonly string[], node: Node) => {
    const object = unwrap(node);
    if (!Node.isObjectLiteralExpression(object)) return;
    const keys = object
      .getProperties()
      .map((p) => (Node.isPropertyAssignment(p) || Node.isShorthandPropertyAssignment(p) ? p.getName() : ''));
    if (!keys.some((key) => SESSION_KEYS.has(key))) return;
    const value = readValue(object, { locator, functionEntries: FUNCTION_ENTRIES });
    if (value.kind === 'object') for (const name of names) found.push({ name, value });
  };
  for (const declaration of index.of(SyntaxKind.VariableDeclaration)) {
    const names = exported.get(declaration.getName());
    const initializer = declaration.getInitializer();
    const statement = declaration.getVariableStatement();
    if (names && initializer && statement?.getDeclarationKind() === 'const' && Node.isSourceFile(statement.getParent()))
      read(names, initializer);
  }
  for (const statement of source.getStatements())
    if (Node.isExportAssignment(statement) && !statement.isExportEquals()) read(['default'], statement.getExpression());
  return found;
}
