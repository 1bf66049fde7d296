// iron-session: the session is sealed into the cookie with `password` (at least 32 characters, or it
// throws); a hard-coded password lets anyone who reads the code unseal and forge sessions.
import type { SessionConfig } from '../../model/types';
import type { Report } from '../rule';
import { cookieNotHttpOnly } from './checks/cookie-not-httponly';
import { cookieNotSecure } from './checks/cookie-not-secure';
import { hardCodedSecret } from './checks/hard-coded-secret';
import { falseOption, optionOf } from './express-options';
import { isLiteralSecret } from './express-secret';
import { envSecretPlan, replacePlan, TRUE } from './plans';

export function checkIronSessions(sessions: readonly SessionConfig[], report: Report): void {
  for (const session of sessions.filter((s) => s.library === 'iron-session')) {
    const options = session.options;
    if (!options) continue;
    const password = optionOf(options, 'password');
    if (password.state === 'present' && isLiteralSecret(password.value)) {
      const short = password.value.kind === 'string' && password.value.value.length < 32 ? hardCodedSecret.text('shortForIronSession') : '';
      const title = hardCodedSecret.text('fixEnv', { option: 'password', variable: 'SESSION_PASSWORD' });
      const fix = envSecretPlan(title, password.value, 'SESSION_PASSWORD');
      report(hardCodedSecret, password.value.location, { message: 'ironSession', data: { short }, fixes: [fix] });
    }
    const cookie = optionOf(options, 'cookieOptions');
    if (cookie.state !== 'present' || cookie.value.kind !== 'object') continue;
    const secure = falseOption(cookie.value, 'secure');
    const secureTitle = cookieNotSecure.text('fix', { option: 'cookieOptions.secure' });
    if (secure) report(cookieNotSecure, secure.location, { message: 'ironSession', fixes: [replacePlan(secureTitle, secure, TRUE)] });
    const httpOnly = falseOption(cookie.value, 'httpOnly');
    const httpOnlyTitle = cookieNotHttpOnly.text('fix', { option: 'cookieOptions.httpOnly' });
    if (httpOnly) {
      report(cookieNotHttpOnly, httpOnly.location, { message: 'ironSession', fixes: [replacePlan(httpOnlyTitle, httpOnly, TRUE)] });
    }
  }
}
