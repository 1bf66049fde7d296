import type { Finding, Location, SessionConfig, Value } from '../../model/types';
import { envReference, envSecretFix, insertEntryFix, replaceValueFix } from './express-fixes';
import { optionOf } from './express-options';

const RULE = 'insecure-session';
const SECRET_VARIABLE = 'SESSION_SECRET';
const READ_TITLE = `Read the secret from process.env.${SECRET_VARIABLE}`;

const MISSING =
  'express-session has no `secret`: it cannot sign the session ID cookie, and every request fails with ' +
  '"secret option required for sessions". Read it from the environment: `secret: process.env.SESSION_SECRET`.';
const HARD_CODED =
  'The session `secret` is hard-coded: express-session signs the session ID cookie with it, so anyone who can read ' +
  'this repository can forge session cookies the server accepts. Read it from the environment (`process.env.SESSION_SECRET`).';

/** The `secret` option: missing (express-session throws on every request), a literal, or a literal fallback. */
export function checkSecret(session: SessionConfig): Finding[] {
  const options = session.options;
  if (!options) return [finding(session.call, MISSING, [])];
  const secret = optionOf(options, 'secret');
  if (secret.state === 'unknown') return [];
  if (secret.state === 'absent') {
    const fix = insertEntryFix(READ_TITLE, options, `secret: ${envReference(options.location.file, SECRET_VARIABLE)}`);
    return [finding(options.location, MISSING, fix ? [fix] : [])];
  }
  const value = secret.value;
  if (value.kind === 'none') return [finding(value.location, MISSING, [replaceValueFix(READ_TITLE, value, envReference(value.location.file, SECRET_VARIABLE))])];
  if (isLiteralSecret(value)) {
    const fix = envSecretFix(READ_TITLE, value, SECRET_VARIABLE);
    return [finding(value.location, HARD_CODED, fix ? [fix] : [])];
  }
  if (value.kind === 'env' && value.fallback && isLiteralSecret(value.fallback)) {
    const variable = value.name ? `process.env.${value.name}` : 'the environment variable';
    const message =
      `The session \`secret\` falls back to a hard-coded literal when ${variable} is unset: a deployment that forgets the ` +
      'variable silently signs session cookies with a secret anyone with the repository can read. Drop the fallback so a missing secret fails loudly.';
    const fixes = value.name ? [replaceValueFix('Remove the hard-coded fallback', value, envReference(value.location.file, value.name))] : [];
    return [finding(value.fallback.location, message, fixes)];
  }
  return [];
}

export function isLiteralSecret(value: Value): boolean {
  if (value.kind === 'string') return true;
  return value.kind === 'list' && value.items.length > 0 && value.items.some((item) => item.kind === 'string');
}

function finding(location: Location, message: string, fixes: Finding['fixes']): Finding {
  return { rule: RULE, severity: 'error', file: location.file, range: location.range, message, fixes };
}
