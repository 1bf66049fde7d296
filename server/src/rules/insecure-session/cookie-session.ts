// cookie-session (expressjs/cookie-session 2.x): the whole session lives in a signed cookie. Its cookie
// options are top-level (a nested `cookie: {}` is never read), it needs `keys` (or `secret`) unless
// `signed: false`, and hard-coded keys let anyone who reads the code forge sessions.
import type { Change, FixPlan } from '../../model/fix-plans';
import type { ObjectValue, SessionConfig } from '../../model/types';
import type { Report } from '../rule';
import { cookieNotHttpOnly } from './checks/cookie-not-httponly';
import { cookieNotSecure } from './checks/cookie-not-secure';
import { hardCodedSecret } from './checks/hard-coded-secret';
import { ignoredCookieOptions } from './checks/ignored-cookie-options';
import { missingSecret } from './checks/missing-secret';
import { unsignedCookie } from './checks/unsigned-cookie';
import { falseOption, optionOf } from './express-options';
import { isLiteralSecret } from './express-secret';
import { envSecretPlan, replacePlan, TRUE } from './plans';
import { checkSameSite } from './same-site';

export function checkCookieSessions(sessions: readonly SessionConfig[], report: Report): void {
  for (const session of sessions.filter((s) => s.library === 'cookie-session')) {
    if (session.options) checkOptions(session.options, report);
    else report(missingSecret, session.call, { message: 'cookieSessionNoOptions' });
  }
}

function checkOptions(options: ObjectValue, report: Report): void {
  const unsigned = falseOption(options, 'signed');
  if (unsigned) {
    // Signing needs keys: without them `signed: true` throws ".keys required.", so the fix is offered only with keys.
    const keyed = optionOf(options, 'keys').state === 'present' || optionOf(options, 'secret').state === 'present';
    const fixes = keyed ? [replacePlan(unsignedCookie.text('fix'), unsigned, TRUE)] : [];
    report(unsignedCookie, unsigned.location, { message: 'cookieSession', fixes });
  }
  for (const key of ['keys', 'secret']) {
    const option = optionOf(options, key);
    if (option.state === 'present' && isLiteralSecret(option.value)) {
      // `keys` must be a list (cookies hands it to Keygrip); `secret` is one key.
      const title = hardCodedSecret.text('fixEnv', { option: 'key', variable: 'SESSION_KEY' });
      const fix = envSecretPlan(title, option.value, 'SESSION_KEY', key === 'keys' ? 'list' : 'value');
      report(hardCodedSecret, option.value.location, { message: 'cookieSession', data: { key }, fixes: [fix] });
    }
  }
  if (!unsigned && optionOf(options, 'keys').state === 'absent' && optionOf(options, 'secret').state === 'absent') {
    report(missingSecret, options.location, { message: 'cookieSession' });
  }
  const nested = optionOf(options, 'cookie');
  if (nested.state === 'present') {
    // The options the nested object holds are what its author meant: moved up, they apply (top-level ones, applied today, are kept).
    const changes: Change[] = [{ kind: 'inline-object-entry', object: options, key: 'cookie' }];
    const move: FixPlan = { title: ignoredCookieOptions.text('fix'), preferred: true, changes };
    report(ignoredCookieOptions, nested.value.location, { message: 'message', fixes: [move] });
  }
  const secure = falseOption(options, 'secure');
  const secureTitle = cookieNotSecure.text('fix', { option: 'secure' });
  if (secure) report(cookieNotSecure, secure.location, { message: 'cookieSession', fixes: [replacePlan(secureTitle, secure, TRUE)] });
  const httpOnly = falseOption(options, 'httpOnly');
  const httpOnlyTitle = cookieNotHttpOnly.text('fix', { option: 'httpOnly' });
  if (httpOnly)
    report(cookieNotHttpOnly, httpOnly.location, { message: 'cookieSession', fixes: [replacePlan(httpOnlyTitle, httpOnly, TRUE)] });
  // A `sameSite` in the nested cookie object is what its author meant: the finding above moves it up.
  const nestedSameSite =
    nested.state === 'present' && (nested.value.kind !== 'object' || optionOf(nested.value, 'sameSite').state !== 'absent');
  if (!nestedSameSite) checkSameSite('cookie-session', options, 'top', report);
}
