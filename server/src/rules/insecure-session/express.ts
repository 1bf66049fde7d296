import type { Finding, Location, ProjectModel, SessionConfig } from '../../model/types';
import { checkCookie } from './express-cookie';
import { insertEntryFix } from './express-fixes';
import { optionOf } from './express-options';
import { checkAutoSecure } from './express-proxy';
import { checkSecret } from './express-secret';
import { checkSameSite, sameSiteHintAt } from './same-site';

const RULE = 'insecure-session';

const DEFAULT_NAME =
  'No cookie `name`: express-session calls the session cookie `connect.sid`, which tells anyone looking that the server ' +
  "runs Express with express-session. Set a neutral name, e.g. `name: 'sid'`.";
const MEMORY_STORE =
  'No `store`: express-session keeps sessions in its MemoryStore, which leaks memory, loses every session on restart and ' +
  'is not shared between processes (it prints a warning in production). Use a real store such as connect-redis or connect-pg-simple.';
const ROLLING_WITHOUT_MAX_AGE =
  "`rolling: true` without `cookie.maxAge`: rolling resets the cookie's expiry to maxAge on every response, and there is " +
  'none, so the session cookie never expires: it is sent again with every response and lasts as long as the browser stays ' +
  'open, while the store refreshes the session on every request. A session in use, or a stolen cookie kept in use, stays ' +
  'valid forever. Set a bounded `cookie.maxAge` (with rolling, an idle timeout).';

/** express-session configurations found in TypeScript/JavaScript files. */
export function checkExpressSessions(model: ProjectModel): Finding[] {
  return model.sessions.filter((s) => s.library === 'express-session').flatMap((session) => [
    ...checkSecret(session),
    ...checkCookie(session),
    ...checkName(session),
    ...checkStore(session),
    // After checkCookie: where both add a `cookie: {...}`, fix-all applies the secure one first.
    ...(session.options ? checkSameSite(session.library, session.options, 'cookie') : [sameSiteHintAt(session.library, session.call)]),
    ...checkAutoSecure(session, model.middleware),
    ...checkRolling(session),
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

/** `rolling: true` with a cookie that has no `maxAge` (or `expires`): nothing ever ends the session. */
function checkRolling(session: SessionConfig): Finding[] {
  const options = session.options;
  const rolling = options?.entries.find((entry) => entry.key === 'rolling');
  if (!options || !rolling || rolling.value.kind !== 'bool' || !rolling.value.value) return [];
  const cookie = optionOf(options, 'cookie');
  if (cookie.state === 'unknown' || (cookie.state === 'present' && cookie.value.kind !== 'object')) return [];
  if (cookie.state === 'present' && cookie.value.kind === 'object') {
    const object = cookie.value;
    // `maxAge: null` (the default) is no expiry; any other value, or one that cannot be seen, may be one.
    const expiry = ['maxAge', 'expires'].map((key) => optionOf(object, key));
    if (expiry.some((option) => option.state === 'unknown' || (option.state === 'present' && option.value.kind !== 'none'))) return [];
  }
  return [finding(rolling.location, 'info', ROLLING_WITHOUT_MAX_AGE, [])];
}

function finding(location: Location, severity: Finding['severity'], message: string, fixes: Finding['fixes']): Finding {
  return { rule: RULE, severity, file: location.file, range: location.range, message, fixes };
}
