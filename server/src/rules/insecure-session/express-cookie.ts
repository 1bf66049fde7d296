import type { Finding, Location, SessionConfig } from '../../model/types';
import { insertEntryFix, replaceValueFix, setOptionFix } from './express-fixes';
import { falseOption, optionOf, secureState, type ObjectValue } from './express-options';

const RULE = 'insecure-session';
const SECURE_TITLE = 'Set cookie.secure to true';
const TRUST_PROXY = "Set `secure: true` (or `'auto'`; behind a TLS-terminating proxy also `app.set('trust proxy', 1)`).";

const SECURE_MISSING =
  '`cookie.secure` is not set: express-session defaults it to false, so the session cookie is also sent over plain HTTP, ' +
  `where anyone on the network can copy it and take over the session. ${TRUST_PROXY}`;
const SECURE_FALSE =
  '`cookie.secure: false` sends the session cookie over plain HTTP too, where anyone on the network can copy it and take ' +
  `over the session. ${TRUST_PROXY}`;
const HTTP_ONLY_FALSE =
  "`cookie.httpOnly: false` lets the page's scripts read the session cookie (express-session's default is true): one XSS " +
  'bug is then enough to steal sessions. Set it to true or remove it.';
const SAME_SITE_NONE =
  "`sameSite: 'none'` on a cookie that is not `secure`: browsers reject SameSite=None cookies without Secure, and where " +
  "they are sent, every cross-site request carries the session (CSRF). Use 'lax' or 'strict', or make the cookie secure.";

/** `cookie.secure`, `cookie.httpOnly` and `cookie.sameSite`, judged against express-session's defaults. */
export function checkCookie(session: SessionConfig): Finding[] {
  const options = session.options;
  if (!options) return [finding(session.call, SECURE_MISSING, [])];
  const cookie = optionOf(options, 'cookie');
  if (cookie.state === 'unknown') return [];
  if (cookie.state === 'absent') {
    return [finding(options.location, SECURE_MISSING, fixes(insertEntryFix(SECURE_TITLE, options, 'cookie: { secure: true }')))];
  }
  if (cookie.value.kind !== 'object') return [];
  return [...checkSecure(cookie.value), ...checkHttpOnly(cookie.value), ...checkSameSite(cookie.value)];
}

function checkSecure(cookie: ObjectValue): Finding[] {
  const secure = optionOf(cookie, 'secure');
  if (secure.state === 'absent') return [finding(cookie.location, SECURE_MISSING, fixes(insertEntryFix(SECURE_TITLE, cookie, 'secure: true')))];
  if (secure.state === 'unknown') return [];
  const value = secure.value;
  if (value.kind === 'none' || (value.kind === 'bool' && !value.value)) {
    return [finding(entryLocation(cookie, 'secure') ?? value.location, SECURE_FALSE, [replaceValueFix(SECURE_TITLE, value, 'true')])];
  }
  return [];
}

function checkHttpOnly(cookie: ObjectValue): Finding[] {
  const httpOnly = falseOption(cookie, 'httpOnly');
  if (!httpOnly) return [];
  return [finding(entryLocation(cookie, 'httpOnly') ?? httpOnly.location, HTTP_ONLY_FALSE, [replaceValueFix('Set cookie.httpOnly to true', httpOnly, 'true')])];
}

function checkSameSite(cookie: ObjectValue): Finding[] {
  const sameSite = optionOf(cookie, 'sameSite');
  if (sameSite.state !== 'present' || sameSite.value.kind !== 'string' || sameSite.value.value.toLowerCase() !== 'none') return [];
  if (secureState({ state: 'present', value: cookie }) !== 'insecure') return [];
  // A cross-site cookie is often deliberate (an embedded app): making it Secure keeps it working over HTTPS.
  // Not preferred, so that fix-all does not also add the `secure` that the missing-secure finding adds.
  const makeSecure = setOptionFix(SECURE_TITLE, cookie, 'secure', 'true');
  const alternatives = makeSecure ? [{ ...makeSecure, isPreferred: false }] : [];
  return [finding(entryLocation(cookie, 'sameSite') ?? sameSite.value.location, SAME_SITE_NONE, [replaceValueFix("Set sameSite to 'lax'", sameSite.value, "'lax'"), ...alternatives])];
}

function entryLocation(object: ObjectValue, key: string): Location | undefined {
  return object.entries.find((e) => e.key === key)?.location;
}

function fixes(fix: Finding['fixes'][number] | undefined): Finding['fixes'] {
  return fix ? [fix] : [];
}

function finding(location: Location, message: string, fixList: Finding['fixes']): Finding {
  return { rule: RULE, severity: 'warning', file: location.file, range: location.range, message, fixes: fixList };
}
