import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { SessionConfig, Stack, Value } from '../../model/types';
import { resolveReference, type ImportTable } from './imports';
import type { NodeIndex } from './node-index';
import type { Locator } from './source';
import { readValue } from './values';

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
      if (options) sessions.push(sessionOf(call, 'iron-session', 'express', locator, options));
      continue;
    }
    if (reference.name !== '') continue;
    const stack = SESSION_FACTORIES.get(reference.module);
    if (!stack) continue;
    sessions.push(sessionOf(call, reference.module, stack, locator));
  }
  return sessions;
}

const IRON_FUNCTIONS = new Set(['getIronSession', 'sealData', 'unsealData']);

function sessionOf(call: CallExpression, library: string, stack: Stack, locator: Locator, optionsNode?: Node): SessionConfig {
  const config: SessionConfig = { library, stack, call: locator.of(call), file: locator.file };
  const argument = optionsNode ?? call.getArguments()[0];
  if (!argument) return config;
  config.optionsArgument = { location: locator.of(argument), isLiteral: Node.isObjectLiteralExpression(argument) };
  const value: Value = readValue(argument, { locator, functionEntries: FUNCTION_ENTRIES });
  // Options that cannot be read are not "no options": keep an empty object marked partial, so nothing is
  // concluded from keys that seem absent.
  config.options = value.kind === 'object' ? value : { kind: 'object', entries: [], partial: true, location: value.location };
  return config;
}
