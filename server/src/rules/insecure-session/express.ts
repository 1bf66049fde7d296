import type { Finding, Location, ProjectModel, SessionConfig } from '../../model/types';
import { checkCookie } from './express-cookie';
import { insertEntryFix } from './express-fixes';
import { optionOf } from './express-options';
import { checkSecret } from './express-secret';

const RULE = 'insecure-session';

const DEFAULT_NAME =
  'No cookie `name`: express-session calls the session cookie `connect.sid`, which tells anyone looking that the server ' +
  "runs Express with express-session. Set a neutral name, e.g. `name: 'sid'`.";
const MEMORY_STORE =
  'No `store`: express-session keeps sessions in its MemoryStore, which leaks memory, loses every session on restart and ' +
  'is not shared between processes (it prints a warning in production). Use a real store such as connect-redis or connect-pg-simple.';

/** express-session configurations found in TypeScript/JavaScript files. */
export function checkExpressSessions(model: ProjectModel): Finding[] {
  return model.sessions.filter((s) => s.library === 'express-session').flatMap((session) => [
    ...checkSecret(session),
    ...checkCookie(session),
    ...checkName(session),
    ...checkStore(session),
  ]);
}

function checkName(session: SessionConfig): Finding[] {
  const options = session.options;
  if (!options) return [finding(session.call, 'info', DEFAULT_NAME, [])];
  // `key` is the option's legacy name, still honoured (`opts.name || opts.key || 'connect.sid'`).
  if (optionOf(options, 'name').state !== 'absent' || optionOf(options, 'key').state !== 'absent') return [];
  const fix = insertEntryFix('Set a custom cookie name', options, "name: 'sid'");
  return [finding(options.location, 'info', DEFAULT_NAME, fix ? [fix] : [])];
}

function checkStore(session: SessionConfig): Finding[] {
  const options = session.options;
  if (!options) return [finding(session.call, 'warning', MEMORY_STORE, [])];
  const store = optionOf(options, 'store');
  if (store.state === 'absent') return [finding(options.location, 'warning', MEMORY_STORE, [])];
  if (store.state === 'present' && store.value.kind === 'none') return [finding(store.value.location, 'warning', MEMORY_STORE, [])];
  return [];
}

function finding(location: Location, severity: Finding['severity'], message: string, fixes: Finding['fixes']): Finding {
  return { rule: RULE, severity, file: location.file, range: location.range, message, fixes };
}
