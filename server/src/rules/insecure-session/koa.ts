// koa-session and the app keys that sign its cookie: hard-coded `app.keys`, `signed: false`, cookie
// flags turned off, and `maxAge: 'session'` (a browser-session cookie a thief can use until the
// browser closes, with no expiry on the server).
import type { Finding, Location, ProjectModel, Value } from '../../model/types';
import { optionOf } from './express-options';
import { isLiteralSecret } from './express-secret';

const RULE = 'insecure-session';

export function checkKoaSessions(model: ProjectModel): Finding[] {
  const findings: Finding[] = [];
  for (const chain of model.middleware) {
    if (chain.stack === 'koa' && chain.keys && isLiteralSecret(chain.keys.value)) {
      findings.push(finding(chain.keys.value.location, 'error', '`app.keys` is hard-coded: Koa signs its cookies (the koa-session cookie among them) with these keys, so anyone who reads this repository can forge them. Read them from the environment.'));
    }
  }
  for (const session of model.sessions.filter((s) => s.library === 'koa-session')) {
    const options = session.options;
    if (!options) continue;
    const off = (key: string) => {
      const option = optionOf(options, key);
      return option.state === 'present' && option.value.kind === 'bool' && !option.value.value ? option.value : undefined;
    };
    const signed = off('signed');
    if (signed) findings.push(finding(signed.location, 'error', '`signed: false`: the koa-session cookie carries no signature, so a client can change what the server reads from it.'));
    const httpOnly = off('httpOnly');
    if (httpOnly) findings.push(finding(httpOnly.location, 'warning', '`httpOnly: false`: scripts on the page can read the session cookie, so one XSS bug takes the session.'));
    const secure = off('secure');
    if (secure) findings.push(finding(secure.location, 'warning', '`secure: false`: the session cookie is also sent over plain HTTP.'));
    const maxAge = optionOf(options, 'maxAge');
    if (maxAge.state === 'present' && isString(maxAge.value, 'session')) {
      findings.push(finding(maxAge.value.location, 'info', "`maxAge: 'session'`: the cookie lasts until the browser closes, and a stolen copy stays valid as long, with no expiry the server enforces. Prefer a bounded maxAge."));
    }
  }
  return findings;
}

const isString = (value: Value, text: string) => value.kind === 'string' && value.value === text;

function finding(location: Location, severity: Finding['severity'], message: string): Finding {
  return { rule: RULE, severity, file: location.file, range: location.range, message, fixes: [] };
}
