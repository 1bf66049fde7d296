import type { Rule } from '../rule';
import { checkDjangoMiddleware } from './django';
import { checkExpressMiddleware } from './express';
import { checkFastifyPlugins } from './fastify';
import { checkKoaMiddleware } from './koa';
import { checkNestMiddleware } from './nest';

export const middlewareOrder: Rule = {
  id: 'middleware-order',
  summary: 'Middleware registered in an order that breaks a documented rule.',
  defaultSeverity: 'error',
  docs: `## What it finds

Entries of Django's \`MIDDLEWARE\` that come before a middleware they depend on:
\`AuthenticationMiddleware\`, \`MessageMiddleware\` and \`LocaleMiddleware\` before \`SessionMiddleware\`, and the other
pairs of the documented order (RemoteUserMiddleware after Authentication and CsrfView, UpdateCache before and
FetchFromCache after the Vary-changing middleware, GZip before ConditionalGet, Session before Csrf and Common with
\`CSRF_USE_SESSIONS\`). Django's \`check --deploy\` does not look at the order; the mistake shows up only at
request time, as an \`ImproperlyConfigured\` error or as silently wrong behaviour.

Also: \`SecurityMiddleware\` below middleware that touch the request when \`SECURE_SSL_REDIRECT\` is on, the
flatpage and redirect fallbacks above Django's own middleware, and missing middleware that Django's checks
require (\`security.W001\`–\`W003\` for deployment, \`admin.E408\`–\`E410\` when the admin is installed), each
with a fix that moves or inserts the line.

**Express** (\`app.use\` and routes in registration order, per app and router): \`passport.session()\` or
\`passport.initialize()\` before \`session()\`, CSRF middleware before the session or cookie parser it reads,
\`express.static\` after \`session()\` (a session per asset request), body parsers, helmet, cors, rate limiters
and CSRF protection registered after routes that then run without them, and an error handler (four
parameters) registered before routes. The chain follows the app into project functions it is handed to
(\`setupSession(app)\`, \`export default (app) => {...}\`, in any file, imported or not): what they register joins the
chain where they are called, each entry with its own file, and a message names both entries and their files. A
router mounted with \`app.use('/api', router)\` is a routes entry (its own chain is checked on its own). When both
entries are \`app.use(...)\` statements of one block, a fix moves the line ("Move session before passport.session"),
offered only when the moved chain breaks no other rule. **Koa**: koa-session registered before \`app.keys\` is set, and an
error-handling middleware that is not first. **Fastify** (plugins, hooks and routes as a tree of encapsulation
contexts, across files): @fastify/session registered before @fastify/cookie or in a context that does not see it,
@fastify/csrf-protection before the plugin that stores its secret, and a hook or route reading \`request.session\`
in a context the session plugin is not registered in (a sibling plugin without fastify-plugin), or an onRequest
hook added before the session plugin; a function the app is handed to (\`await setup(app)\`, in any file) registers in the
caller's context, while one registered with \`app.register(setup)\` is a plugin with a context of its own. **NestJS** (\`app.use\` in main.ts, then each module's
\`consumer.apply(...)\` from the root module down, then guards, interceptors, pipes and filters): a middleware
that reads \`req.session\` or \`req.user\` applied before the session or \`passport.session()\` middleware that
sets it, a guard reading the session when no session middleware is applied, and a guard reading \`req.user\` in
an app that keeps logins in the session (a PassportSerializer) but never applies \`passport.session()\`. Module
middleware applied \`forRoutes\` of controller classes runs on their routes only: a reader and a later middleware
that sets what it reads, both \`forRoutes\` of distinct controllers, never meet on one request and are not reported
(paths and route objects may match any controller, so they are). On the Fastify adapter, the plugins main.ts
registers (\`await app.register(fastifyCookie)\`) are checked with the Fastify rules above.

## Why it matters

Middleware runs top to bottom on the request. \`AuthenticationMiddleware\` reads \`request.session\`, which
\`SessionMiddleware\` creates: in the wrong order every request fails with
"The Django authentication middleware requires session middleware to be installed."

## Example

\`\`\`python
MIDDLEWARE = [
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
]
\`\`\`

## Instead

\`\`\`python
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
\`\`\`
`,
  check: (model) => [...checkDjangoMiddleware(model), ...checkExpressMiddleware(model), ...checkKoaMiddleware(model), ...checkFastifyPlugins(model), ...checkNestMiddleware(model)],
};
