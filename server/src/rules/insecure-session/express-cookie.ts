import type { Location, SessionConfig } from '../../model/types';
import type { Report } from '../rule';
import { cookieNotHttpOnly } from './checks/cookie-not-httponly';
import { cookieNotSecure } from './checks/cookie-not-secure';
import { sameSiteNone } from './checks/samesite-none';
import { falseOption, optionOf, secureState, type ObjectValue } from './express-options';
import { addEntryPlan, objectWith, replacePlan, setOptionPlan, TRUE } from './plans';

const SECURE_TITLE = cookieNotSecure.text('fix', { option: 'cookie.secure' });

/** `cookie.secure`, `cookie.httpOnly` and `cookie.sameSite`, judged against express-session's defaults. */
export function checkCookie(session: SessionConfig, report: Report): void {
  const options = session.options;
  if (!options) return report(cookieNotSecure, session.call, { message: 'expressUnset' });
  const cookie = optionOf(options, 'cookie');
  if (cookie.state === 'unknown') return;
  if (cookie.state === 'absent') {
    const fix = addEntryPlan(SECURE_TITLE, options, 'cookie', objectWith('secure', TRUE));
    return report(cookieNotSecure, options.location, { message: 'expressUnset', fixes: [fix] });
  }
  if (cookie.value.kind !== 'object') return;
  checkSecure(cookie.value, report);
  checkHttpOnly(cookie.value, report);
  checkSameSite(cookie.value, report);
}

function checkSecure(cookie: ObjectValue, report: Report): void {
  const secure = optionOf(cookie, 'secure');
  if (secure.state === 'absent') {
    return report(cookieNotSecure, cookie.location, {
      message: 'expressUnset',
      fixes: [addEntryPlan(SECURE_TITLE, cookie, 'secure', TRUE)],
    });
  }
  if (secure.state === 'unknown') return;
  const value = secure.value;
  if (value.kind === 'none' || (value.kind === 'bool' && !value.value)) {
    const fix = replacePlan(SECURE_TITLE, value, TRUE);
    report(cookieNotSecure, entryLocation(cookie, 'secure') ?? value.location, { message: 'expressFalse', fixes: [fix] });
  }
}

function checkHttpOnly(cookie: ObjectValue, report: Report): void {
  const httpOnly = falseOption(cookie, 'httpOnly');
  if (!httpOnly) return;
  const fix = replacePlan(cookieNotHttpOnly.text('fix', { option: 'cookie.httpOnly' }), httpOnly, TRUE);
  report(cookieNotHttpOnly, entryLocation(cookie, 'httpOnly') ?? httpOnly.location, { message: 'express', fixes: [fix] });
}

function checkSameSite(cookie: ObjectValue, report: Report): void {
  const sameSite = optionOf(cookie, 'sameSite');
  if (sameSite.state !== 'present' || sameSite.value.kind !== 'string' || sameSite.value.value.toLowerCase() !== 'none') return;
  if (secureState({ state: 'present', value: cookie }) !== 'insecure') return;
  // A cross-site cookie is often deliberate (an embedded app): making it Secure keeps it working over HTTPS.
  // Not preferred, so that fix-all does not also add the `secure` that the missing-secure finding adds.
  const makeSecure = { ...setOptionPlan(sameSiteNone.text('fixSecure'), cookie, 'secure', TRUE), preferred: false };
  const lax = replacePlan(sameSiteNone.text('fixLax'), sameSite.value, { kind: 'string', value: 'lax' });
  report(sameSiteNone, entryLocation(cookie, 'sameSite') ?? sameSite.value.location, { message: 'express', fixes: [lax, makeSecure] });
}

function entryLocation(object: ObjectValue, key: string): Location | undefined {
  return object.entries.find((e) => e.key === key)?.location;
}
