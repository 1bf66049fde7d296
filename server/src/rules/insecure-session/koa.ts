// koa-session and the app keys that sign its cookie: hard-coded `app.keys`, `signed: false`, cookie
// flags turned off, `maxAge: 'session'` (a browser-session cookie a thief can use until the
// browser closes, with no expiry on the server) and no `sameSite` (same-site.ts).
import type { Finding, Location, ProjectModel, Value } from '../../model/types';
import { envSecretFix, registers, replaceValueFix } from './express-fixes';
import { falseOption, optionOf } from './express-options';
import { isLiteralSecret } from './express-secret';
import { checkSameSite } from './same-site';

const RULE = 'insecure-session';

export function checkKoaSessions(model: ProjectModel): Finding[] {
  const findings: Finding[] = [];
  const chains = model.middleware.filter((chain) => chain.stack === 'koa');
  for (const chain of chains) {
    if (chain.keys && isLiteralSecret(chain.keys.value)) {
      // Keygrip takes a list of keys: the variable goes in one.
      const fix = envSecretFix('Read the keys from process.env.SESSION_KEY', chain.keys.value, 'SESSION_KEY', 'list');
      findings.push(finding(chain.keys.value.location, 'error', '`app.keys` is hard-coded: Koa signs its cookies (the koa-session cookie among them) with these keys, so anyone who reads this repository can forge them. Read them from the environment.', fix));
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
      findings.push(finding(signed.location, 'error', '`signed: false`: the koa-session cookie carries no signature, so a client can change what the server reads from it.', keyed ? setTrue('signed', signed) : undefined));
    }
    const httpOnly = falseOption(options, 'httpOnly');
    if (httpOnly) findings.push(finding(httpOnly.location, 'warning', '`httpOnly: false`: scripts on the page can read the session cookie, so one XSS bug takes the session.', setTrue('httpOnly', httpOnly)));
    const secure = falseOption(options, 'secure');
    if (secure) findings.push(finding(secure.location, 'warning', '`secure: false`: the session cookie is also sent over plain HTTP.', setTrue('secure', secure)));
    const maxAge = optionOf(options, 'maxAge');
    if (maxAge.state === 'present' && isString(maxAge.value, 'session')) {
      findings.push(finding(maxAge.value.location, 'info', "`maxAge: 'session'`: the cookie lasts until the browser closes, and a stolen copy stays valid as long, with no expiry the server enforces. Prefer a bounded maxAge."));
    }
    findings.push(...checkSameSite(session.library, options, 'top'));
  }
  return findings;
}

const setTrue = (key: string, value: Value) => replaceValueFix(`Set ${key} to true`, value, 'true');

/** The Koa app whose `app.use(session(...))` registers this session. */
const isString = (value: Value, text: string) => value.kind === 'string' && value.value === text;

function finding(location: Location, severity: Finding['severity'], message: string, fix?: Finding['fixes'][number]): Finding {
  return { rule: RULE, severity, file: location.file, range: location.range, message, fixes: fix ? [fix] : [] };
}
