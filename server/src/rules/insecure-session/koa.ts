// koa-session and the app keys that sign its cookie: hard-coded `app.keys`, `signed: false`, cookie
// flags turned off, `maxAge: 'session'` (a browser-session cookie a thief can use until the
// browser closes, with no expiry on the server) and no `sameSite` (same-site.ts).
import type { ProjectModel, Value } from '../../model/types';
import type { Report } from '../rule';
import { cookieNotHttpOnly } from './checks/cookie-not-httponly';
import { cookieNotSecure } from './checks/cookie-not-secure';
import { hardCodedSecret } from './checks/hard-coded-secret';
import { sessionNeverExpires } from './checks/session-never-expires';
import { unsignedCookie } from './checks/unsigned-cookie';
import { falseOption, optionOf } from './express-options';
import { isLiteralSecret } from './express-secret';
import { envSecretPlan, replacePlan, TRUE } from './plans';
import { checkSameSite } from './same-site';
import { registers } from './session-chains';

export function checkKoaSessions(model: ProjectModel, report: Report): void {
  const chains = model.middleware.filter((chain) => chain.stack === 'koa');
  for (const chain of chains) {
    if (chain.keys && isLiteralSecret(chain.keys.value)) {
      // Keygrip takes a list of keys: the variable goes in one.
      const title = hardCodedSecret.text('fixEnv', { option: 'keys', variable: 'SESSION_KEY' });
      const fix = envSecretPlan(title, chain.keys.value, 'SESSION_KEY', 'list');
      report(hardCodedSecret, chain.keys.value.location, { message: 'koaKeys', fixes: [fix] });
    }
  }
  for (const session of model.sessions.filter((s) => s.library === 'koa-session')) {
    const options = session.options;
    if (!options) continue;
    const signed = falseOption(options, 'signed');
    if (signed) {
      // Signed cookies need app.keys (cookies throws ".keys required for signed cookies" without them): the fix is
      // offered only when the app the session is registered on sets them.
      const keyed = chains.find((chain) => registers(chain, session))?.keys !== undefined;
      const fixes = keyed ? [replacePlan(unsignedCookie.text('fix'), signed, TRUE)] : [];
      report(unsignedCookie, signed.location, { message: 'koa', fixes });
    }
    const httpOnly = falseOption(options, 'httpOnly');
    const httpOnlyTitle = cookieNotHttpOnly.text('fix', { option: 'httpOnly' });
    if (httpOnly) report(cookieNotHttpOnly, httpOnly.location, { message: 'koa', fixes: [replacePlan(httpOnlyTitle, httpOnly, TRUE)] });
    const secure = falseOption(options, 'secure');
    const secureTitle = cookieNotSecure.text('fix', { option: 'secure' });
    if (secure) report(cookieNotSecure, secure.location, { message: 'koa', fixes: [replacePlan(secureTitle, secure, TRUE)] });
    const maxAge = optionOf(options, 'maxAge');
    if (maxAge.state === 'present' && isString(maxAge.value, 'session'))
      report(sessionNeverExpires, maxAge.value.location, { message: 'koa' });
    checkSameSite('koa-session', options, 'top', report);
  }
}

const isString = (value: Value, text: string) => value.kind === 'string' && value.value === text;
