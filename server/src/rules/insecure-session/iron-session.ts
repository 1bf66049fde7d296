// iron-session: the session is sealed into the cookie with `password` (at least 32 characters, or it
// throws); a hard-coded password lets anyone who reads the code unseal and forge sessions.
import type { Finding, Location, SessionConfig } from '../../model/types';
import { envSecretFix, replaceValueFix } from './express-fixes';
import { falseOption, optionOf } from './express-options';
import { isLiteralSecret } from './express-secret';

export function checkIronSessions(sessions: readonly SessionConfig[]): Finding[] {
  return sessions.filter((s) => s.library === 'iron-session').flatMap((session) => {
    const options = session.options;
    if (!options) return [];
    const findings: Finding[] = [];
    const password = optionOf(options, 'password');
    if (password.state === 'present' && isLiteralSecret(password.value)) {
      const short = password.value.kind === 'string' && password.value.value.length < 32 ? ' It is also shorter than the 32 characters iron-session requires.' : '';
      const fix = envSecretFix('Read the password from process.env.SESSION_PASSWORD', password.value, 'SESSION_PASSWORD');
      findings.push(finding(password.value.location, 'error', `The iron-session \`password\` is hard-coded: it seals the session cookie, so anyone who reads this repository can open and forge sessions.${short}`, fix));
    }
    const cookie = optionOf(options, 'cookieOptions');
    if (cookie.state === 'present' && cookie.value.kind === 'object') {
      for (const key of ['secure', 'httpOnly']) {
        const off = falseOption(cookie.value, key);
        if (off) {
          const fix = replaceValueFix(`Set cookieOptions.${key} to true`, off, 'true');
          findings.push(finding(off.location, 'warning', `\`cookieOptions.${key}: false\`: ${key === 'secure' ? 'the session cookie is also sent over plain HTTP' : 'scripts on the page can read the session cookie'}.`, fix));
        }
      }
    }
    return findings;
  });
}

function finding(location: Location, severity: Finding['severity'], message: string, fix?: Finding['fixes'][number]): Finding {
  return { rule: 'insecure-session', severity, file: location.file, range: location.range, message, fixes: fix ? [fix] : [] };
}
