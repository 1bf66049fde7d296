import { defineCheck } from '../../check';

/** A middleware registered before one it needs: requests fail, or what it reads is never there. */
export const dependencyOrder = defineCheck({
  rule: 'middleware-order',
  name: 'dependency-order',
  severity: 'error',
  summary: 'A middleware runs before the middleware it needs.',
  stacks: ['django', 'express', 'koa', 'fastify', 'nest'],
  messages: {
    django: '{{then}} comes before {{first}}: {{why}}.{{runtime}}',
    djangoRuntime: ' Every request fails with ImproperlyConfigured: "{{error}}"',
    djangoFix: 'Move {{entry}} above {{anchor}}',
    expressPassportSession:
      '{{entry}} comes before {{needed}}: passport.session() restores the login from req.session, which session() creates: before it, no request is ever logged in.{{where}}',
    expressCsrf:
      '{{entry}} comes before {{needed}}: the CSRF middleware keeps its secret in req.session (or in a cookie read by cookie-parser): registered before them, it fails on every request.{{where}}',
    koaKeys:
      'koa-session is registered before `app.keys` is set: it signs the session cookie with the app keys and fails ("Please set app.keys") on requests until they exist. Set app.keys first.',
    fastifySession:
      "@fastify/session is registered before @fastify/cookie, which it needs to read and set its cookie: it fails to load (\"The dependency '@fastify/cookie' of plugin '@fastify/session' is not registered\"). Register @fastify/cookie first.",
    fastifyCsrf:
      '@fastify/csrf-protection is registered before the cookie or session plugin that stores its secret ({{storage}}). Register that plugin first.',
    fastifyHook:
      '{{kind}} is added before {{session}}, whose own onRequest hook loads request.session; hooks run in the order they are added, so this one sees no session. Register the session plugin first, or read the session in a preHandler hook.',
    nestReader:
      '{{reader}} reads {{what}}, but {{setter}}, which sets it, runs after it ({{order}}): {{what}} is undefined here. {{advice}}',
    nestSameModule: "{{module}}'s configure() applies it later",
    nestOtherModule:
      'Nest runs app.use middleware first, then module middleware module by module: the root module, then the modules it imports',
    nestApplyFirst: 'Apply {{setter}} first.',
    nestApplyGlobally: 'Apply {{setter}} with app.use in main.ts (global middleware run first), or in {{module}} before {{reader}}.',
    moveFix: 'Move {{entry}} {{where}} {{anchor}}',
    relatedRegistered: '{{entry}} is registered here{{via}}',
    relatedApplied: '{{entry}} is applied here',
    relatedDjango: '{{first}} is here; it must come before {{then}}',
    relatedKeys: 'the other half of it',
  },
  docs: {
    what: `A middleware registered before a middleware it depends on, where that breaks requests:

- **Django**: \`AuthenticationMiddleware\` above \`SessionMiddleware\` (and \`MessageMiddleware\` with the session message
  storage, \`LoginRequiredMiddleware\` above \`AuthenticationMiddleware\`, \`RemoteUserMiddleware\` and
  \`PersistentRemoteUserMiddleware\` above \`AuthenticationMiddleware\`, \`CsrfViewMiddleware\` above \`SessionMiddleware\`
  with \`CSRF_USE_SESSIONS\`), with the \`ImproperlyConfigured\` error Django raises at request time. Membership is by exact
  dotted path, as in Django's own checks; the settings that decide a pair (\`CSRF_USE_SESSIONS\`, \`MESSAGE_STORAGE\`) are
  read from the module that defines \`MIDDLEWARE\` and the modules it star-imports.
- **Express** (also through setup functions in other files and mounted routers): \`passport.session()\` before
  \`session()\`, CSRF middleware before the session or cookie parser it reads.
- **Koa**: koa-session registered before \`app.keys\` is set.
- **Fastify** (the encapsulation tree, across files): \`@fastify/session\` before \`@fastify/cookie\`,
  \`@fastify/csrf-protection\` before the plugin that stores its secret, an \`onRequest\` hook reading \`request.session\`
  added before the session plugin (hooks run in the order they are added).
- **NestJS** (\`app.use\` in main.ts, then each module's \`consumer.apply(...)\` from the root module down): a middleware
  reading \`req.session\` or \`req.user\` applied before the middleware that sets it, when their routes can overlap
  (\`forRoutes\` of distinct controller classes never meet on one request and are not reported).

Where both entries are statements of one block (or lines of one Django list, each alone on its line), a fix moves one,
offered only when the moved chain breaks no other rule.`,
    why: 'Middleware runs in registration order on the request. What a middleware reads (the session, the user, the signing keys) must have been set up by an earlier one; otherwise every request fails, or the feature silently never works (no one is ever logged in).',
    example: `\`\`\`python
MIDDLEWARE = [
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
]
\`\`\``,
    instead: `\`\`\`python
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
\`\`\``,
  },
});
