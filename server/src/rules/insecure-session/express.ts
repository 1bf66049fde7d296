import type { ProjectModel, SessionConfig } from '../../model/types';
import type { Report } from '../rule';
import { defaultCookieName } from './checks/default-cookie-name';
import { memoryStore } from './checks/memory-store';
import { sessionNeverExpires } from './checks/session-never-expires';
import { checkCookie } from './express-cookie';
import { optionOf } from './express-options';
import { checkAutoSecure } from './express-proxy';
import { checkSecret } from './express-secret';
import { addEntryPlan } from './plans';
import { checkSameSite, sameSiteHintAt } from './same-site';

/** express-session configurations found in TypeScript/JavaScript files. */
export function checkExpressSessions(model: ProjectModel, report: Report): void {
  for (const session of model.sessions.filter((s) => s.library === 'express-session')) {
    checkSecret(session, report);
    checkCookie(session, report);
    checkName(session, report);
    checkStore(session, report);
    // After checkCookie: where both add a `cookie: {...}`, fix-all applies the secure one first.
    if (session.options) checkSameSite('express-session', session.options, 'cookie', report);
    else sameSiteHintAt('express-session', session.call, report);
    checkAutoSecure(session, model.middleware, report);
    checkRolling(session, report);
  }
}

function checkName(session: SessionConfig, report: Report): void {
  const options = session.options;
  if (!options) return report(defaultCookieName, session.call, { message: 'message' });
  // `key` is the option's legacy name, still honoured (`opts.name || opts.key || 'connect.sid'`).
  if (optionOf(options, 'name').state !== 'absent' || optionOf(options, 'key').state !== 'absent') return;
  const fix = addEntryPlan(defaultCookieName.text('fix'), options, 'name', { kind: 'string', value: 'sid' });
  report(defaultCookieName, options.location, { message: 'message', fixes: [fix] });
}

function checkStore(session: SessionConfig, report: Report): void {
  const options = session.options;
  if (!options) return report(memoryStore, session.call, { message: 'express' });
  const store = optionOf(options, 'store');
  if (store.state === 'absent') report(memoryStore, options.location, { message: 'express' });
  else if (store.state === 'present' && store.value.kind === 'none') report(memoryStore, store.value.location, { message: 'express' });
}

/** `rolling: true` with a cookie that has no `maxAge` (or `expires`): nothing ever ends the session. */
function checkRolling(session: SessionConfig, report: Report): void {
  const options = session.options;
  const rolling = options?.entries.find((entry) => entry.key === 'rolling');
  if (!options || !rolling || rolling.value.kind !== 'bool' || !rolling.value.value) return;
  const cookie = optionOf(options, 'cookie');
  if (cookie.state === 'unknown' || (cookie.state === 'present' && cookie.value.kind !== 'object')) return;
  if (cookie.state === 'present' && cookie.value.kind === 'object') {
    const object = cookie.value;
    // `maxAge: null` (the default) is no expiry; any other value, or one that cannot be seen, may be one.
    const expiry = ['maxAge', 'expires'].map((key) => optionOf(object, key));
    if (expiry.some((option) => option.state === 'unknown' || (option.state === 'present' && option.value.kind !== 'none'))) return;
  }
  report(sessionNeverExpires, rolling.location, { message: 'express' });
}
