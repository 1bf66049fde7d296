import type { Rule } from '../rule';
import { checkDjangoSettings } from './django';
import { checkCookieWrites, checkCsrfExemptViews } from './django-views';
import { checkCookieSessions } from './cookie-session';
import { checkFastifySessions } from './fastify';
import { checkIronSessions } from './iron-session';
import { checkKoaSessions } from './koa';
import { checkExpressSessions } from './express';
import { checkSessionFixation } from './session-fixation';

export const insecureSession: Rule = {
  id: 'insecure-session',
  summary: 'Session and CSRF cookies, secrets, serializers and stores that an attacker can exploit.',
  defaultSeverity: 'warning',
  docs: `## What it finds

Session and CSRF settings that make a session easier to steal, forge or replay:

- **Django** (\`settings.py\` and every module it star-imports): \`SESSION_COOKIE_SECURE\` not \`True\`
  (security.W010–W012), \`SESSION_COOKIE_HTTPONLY\` not \`True\` (W013–W015), \`CSRF_COOKIE_SECURE\` not \`True\`
  (W016, unless \`CSRF_USE_SESSIONS\`), \`DEBUG = True\` (W018), a weak literal \`SECRET_KEY\` (W009),
  \`SESSION_COOKIE_SAMESITE = 'None'\` without a secure cookie or \`False\`, the \`PickleSerializer\`
  (remote code execution once the secret leaks), the \`signed_cookies\` engine (readable, not revocable), a
  \`SESSION_COOKIE_DOMAIN\` shared with subdomains and sessions without an idle timeout (info). An insecure value
  in \`base.py\` that \`production.py\` overrides is reported once, at info, where it is written. In views:
  \`@csrf_exempt\` on a view that changes state, and \`response.set_cookie()\` without \`secure\`/\`httponly\`.
- **Express** (\`express-session\`, whatever the import is called): \`cookie.secure\` absent or \`false\`,
  \`cookie.httpOnly: false\`, \`sameSite: 'none'\` without \`secure\`, a hard-coded \`secret\`, the default
  cookie name \`connect.sid\`, and no \`store\` (the in-memory store leaks memory and loses sessions). At info:
  \`secure: 'auto'\` on an app that never sets \`trust proxy\` (behind a TLS-terminating proxy \`req.secure\` stays
  false and the cookie goes out without Secure), and \`rolling: true\` without \`cookie.maxAge\` (a cookie that never expires).
- **Fastify**: @fastify/session without a secret, with a hard-coded one (or one shorter than 32 characters), or
  without a store; @fastify/secure-session with a hard-coded \`key\`/\`secret\` or a secret without \`salt\`; cookie
  \`secure\`/\`httpOnly\` turned off.
- **iron-session**: a hard-coded (or too short) \`password\`, \`cookieOptions.secure\`/\`httpOnly\` turned off.
- **Koa**: a hard-coded \`app.keys\`; koa-session with \`signed: false\`, \`httpOnly: false\`, \`secure: false\` or
  \`maxAge: 'session'\` (info).
- **cookie-session**: hard-coded or missing \`keys\`, \`signed: false\`, \`secure: false\`, \`httpOnly: false\`, and a nested
  \`cookie: {...}\` that cookie-session never reads (its options are top-level).
- **SameSite** (hint): no \`sameSite\` where the library then sets no SameSite attribute (express-session, cookie-session,
  koa-session, @fastify/session, @fastify/secure-session; iron-session defaults to Lax). Chromium treats such a cookie
  as Lax, Firefox and Safari do not. Any value written, even \`false\`, is left alone.
- **Session fixation with Passport**: a login (\`req.login()\`/\`req.logIn()\`, \`passport.authenticate()\` on a POST
  route, \`super.logIn()\` in a NestJS \`AuthGuard\`) in a handler that never calls \`req.session.regenerate()\`, when
  package.json pins passport below 0.6.0. Since 0.6.0 \`req.login()\` regenerates the session itself (also with
  \`keepSessionInfo: true\`, which only copies the old data into the new session), so newer or unknown versions are not
  reported, nor are logins with \`session: false\`.

Express apps are followed into the project functions they are handed to (\`setupSession(app)\`, in any file), and
session options imported from another file (\`session(sessionOptions)\`) are read where they are written.

Values read from the environment (\`os.environ[...]\`, \`os.getenv\`, \`env(...)\`, \`process.env.X\`) are
configured outside the code and are not reported, unless their literal default is insecure.

## Why it matters

A cookie without \`Secure\` is sent over plain HTTP, where anyone on the network can copy it and take over
the session. Without \`HttpOnly\`, one XSS bug reads it. A secret committed to the repository signs every
session and CSRF token: whoever reads the repository can forge them.

## Example

\`\`\`python
SESSION_COOKIE_SECURE = False
SECRET_KEY = "django-insecure-abc"
\`\`\`

\`\`\`ts
app.use(session({ secret: 'keyboard cat' }));
\`\`\`

## Instead

\`\`\`python
SESSION_COOKIE_SECURE = True
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
\`\`\`

\`\`\`ts
app.use(session({
  secret: process.env.SESSION_SECRET!,
  name: 'sid',
  store: new RedisStore({ client }),
  cookie: { secure: true, httpOnly: true, sameSite: 'lax' },
}));
\`\`\`
`,
  check: (model) => [...checkDjangoSettings(model), ...checkCsrfExemptViews(model), ...checkCookieWrites(model), ...checkExpressSessions(model), ...checkSessionFixation(model), ...checkCookieSessions(model.sessions), ...checkKoaSessions(model), ...checkFastifySessions(model.sessions), ...checkIronSessions(model.sessions)],
};
