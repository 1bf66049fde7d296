// iron-session: the session is sealed into the cookie with `password` (at least 32 characters, or it
// throws); a hard-coded password lets anyone who reads the code unseal and forge sessions.
import type { Finding, Location, SessionConfig } from '../../model/types';
import { optionOf } from './express-options';
import { isLiteralSecret } from './express-secret';

export function checkIronSessions(sessions: readonly SessionConfig[]): Finding[] {
  return sessions.filter((s) => s.library === 'iron-session').flatMap((session) => {
    const options = session.options;
    if (!options) return [];
    const findings: Finding[] = [];
    const password = optionOf(options, 'password');
    if (password.state === 'present' && isLiteralSecret(password.value)) {
      const short = password.value.kind === 'string' && password.value.value.length < 32 ? ' It is also shorter than the 32 characters iron-session requires.' : '';
      findings.push(finding(password.value.location, 'error', `The iron-session \`password\` is hard-coded: it seals the session cookie, so anyone who reads this repository can open and forge sessions.${short}`));
    }
    const cookie = optionOf(options, 'cookieOptions');
    if (cookie.state === 'present' && cookie.value.kind === 'object') {
      for (const key of ['secure', 'httpOnly']) {
        const option = optionOf(cookie.value, key);
        if (option.state === 'present' && option.value.kind === 'bool' && !option.value.value) {
          findings.push(finding(option.value.location, 'warning', `\`cookieOptions.${key}: false\`: ${key === 'secure' ? 'the session cookie is also sent over plain HTTP' : 'scripts on the page can read the session cookie'}.`));
        }
      }
    }
    return findings;
  });
}

function finding(location: Location, severity: Finding['severity'], message: string): Finding {
  return { rule: 'insecure-session', severity, file: location.file, range: location.range, message, fixes: [] };
}
