// cookie-session (expressjs/cookie-session 2.x): the whole session lives in a signed cookie. Its cookie
// options are top-level (a nested `cookie: {}` is never read), it needs `keys` (or `secret`) unless
// `signed: false`, and hard-coded keys let anyone who reads the code forge sessions.
import type { Finding, Location, SessionConfig } from '../../model/types';
import { envSecretFix, inlineEntryFix, replaceValueFix } from './express-fixes';
import { falseOption, optionOf } from './express-options';
import { isLiteralSecret } from './express-secret';
import { checkSameSite } from './same-site';

const RULE = 'insecure-session';

export function checkCookieSessions(sessions: readonly SessionConfig[]): Finding[] {
  return sessions.filter((s) => s.library === 'cookie-session').flatMap(checkOne);
}

function checkOne(session: SessionConfig): Finding[] {
  const options = session.options;
  if (!options) return [finding(session.call, 'error', 'cookie-session has no `keys`: it throws ".keys required." when it loads. Read the keys from the environment.')];
  const findings: Finding[] = [];
  const unsigned = falseOption(options, 'signed');
  if (unsigned) {
    // Signing needs keys: without them `signed: true` throws ".keys required.", so the fix is offered only with keys.
    const keyed = optionOf(options, 'keys').state === 'present' || optionOf(options, 'secret').state === 'present';
    findings.push({
      ...finding(unsigned.location, 'error', '`signed: false`: the session cookie carries no signature, so a client can edit its session (user id, roles) and the server trusts it.'),
      fixes: keyed ? [replaceValueFix('Set signed to true', unsigned, 'true')] : [],
    });
  }
  for (const key of ['keys', 'secret']) {
    const option = optionOf(options, key);
    if (option.state === 'present' && isLiteralSecret(option.value)) {
      // `keys` must be a list (cookies hands it to Keygrip); `secret` is one key.
      const fix = envSecretFix('Read the key from process.env.SESSION_KEY', option.value, 'SESSION_KEY', key === 'keys' ? 'list' : 'value');
      findings.push({ ...finding(option.value.location, 'error', `The cookie-session \`${key}\` is hard-coded: they sign the session cookie, so anyone who reads this repository can forge any session. Read them from the environment.`), fixes: fix ? [fix] : [] });
    }
  }
  if (!unsigned && optionOf(options, 'keys').state === 'absent' && optionOf(options, 'secret').state === 'absent') {
    findings.push(finding(options.location, 'error', 'cookie-session has no `keys` (or `secret`): it throws ".keys required." when it loads.'));
  }
  const nested = optionOf(options, 'cookie');
  if (nested.state === 'present') {
    // The options the nested object holds are what its author meant: moved up, they apply (top-level ones, applied today, are kept).
    const move = inlineEntryFix('Move the cookie options to the top level', options, 'cookie');
    findings.push({
      ...finding(nested.value.location, 'warning', 'cookie-session ignores a nested `cookie: {...}`: its cookie options (`secure`, `httpOnly`, `sameSite`, `maxAge`) go at the top level of the options. None of these are applied.'),
      fixes: move ? [move] : [],
    });
  }
  const secure = falseOption(options, 'secure');
  if (secure) {
    findings.push({
      ...finding(secure.location, 'warning', '`secure: false`: the session cookie, which holds the whole session, is also sent over plain HTTP.'),
      fixes: [replaceValueFix('Set secure to true', secure, 'true')],
    });
  }
  const httpOnly = falseOption(options, 'httpOnly');
  if (httpOnly) {
    findings.push({
      ...finding(httpOnly.location, 'warning', '`httpOnly: false`: scripts on the page can read the session cookie, so one XSS bug reads the whole session.'),
      fixes: [replaceValueFix('Set httpOnly to true', httpOnly, 'true')],
    });
  }
  // A `sameSite` in the nested cookie object is what its author meant: the finding above moves it up.
  const nestedSameSite = nested.state === 'present' && (nested.value.kind !== 'object' || optionOf(nested.value, 'sameSite').state !== 'absent');
  if (!nestedSameSite) findings.push(...checkSameSite(session.library, options, 'top'));
  return findings;
}

function finding(location: Location, severity: Finding['severity'], message: string): Finding {
  return { rule: RULE, severity, file: location.file, range: location.range, message, fixes: [] };
}
