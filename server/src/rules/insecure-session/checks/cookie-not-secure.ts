import { defineCheck } from '../../check';

const TRUST_PROXY = "Set `secure: true` (or `'auto'`; behind a TLS-terminating proxy also `app.set('trust proxy', 1)`).";

export const cookieNotSecure = defineCheck({
  rule: 'insecure-session',
  name: 'cookie-not-secure',
  severity: 'warning',
  summary: 'A session or CSRF cookie without the Secure flag, so it is also sent over plain HTTP (Django security.W010–W012, W016).',
  stacks: ['django', 'express', 'koa', 'fastify'],
  messages: {
    djangoUnset: "{{name}} is not set, and Django's default is False: {{why}}{{djangoId}}.",
    djangoValue: '{{name}} is {{value}}, not True: {{why}}{{djangoId}}.',
    djangoDefault: '{{name}} defaults to {{value}} when {{env}} is not set, not True: {{why}}{{djangoId}}.',
    /** `why` of the Django messages, by setting. */
    SESSION_COOKIE_SECURE: 'the session cookie is also sent over plain HTTP, where a network sniffer can copy it and hijack the session',
    CSRF_COOKIE_SECURE: 'the CSRF cookie is also sent over plain HTTP, where it can be read and replayed in a forged request',
    /** `djangoId` when Django's own check applies. */
    djangoId: ' (Django security.{{id}})',
    expressUnset:
      '`cookie.secure` is not set: express-session defaults it to false, so the session cookie is also sent over plain HTTP, ' +
      `where anyone on the network can copy it and take over the session. ${TRUST_PROXY}`,
    expressFalse:
      '`cookie.secure: false` sends the session cookie over plain HTTP too, where anyone on the network can copy it and take ' +
      `over the session. ${TRUST_PROXY}`,
    cookieSession: '`secure: false`: the session cookie, which holds the whole session, is also sent over plain HTTP.',
    koa: '`secure: false`: the session cookie is also sent over plain HTTP.',
    fastifyUnset:
      '`cookie.secure` is not set: {{library}} leaves it to @fastify/cookie, which does not set it, so the session cookie is also sent over plain HTTP, where anyone on the network can copy it. Set `secure: true`.',
    fastifyFalse: '`cookie.secure: false`: the session cookie is also sent over plain HTTP.',
    fastifySessionFalse: '`cookie.secure: false`: the session cookie is also sent over plain HTTP (the plugin makes it Secure by default).',
    ironSession: '`cookieOptions.secure: false`: the session cookie is also sent over plain HTTP.',
    fixDjango: 'Set {{name}} = True',
    fixDjangoDefault: 'Default {{name}} to True',
    fix: 'Set {{option}} to true',
  },
  docs: {
    what: `A session (or CSRF) cookie that is not marked Secure:

- Django, judged as \`manage.py check --deploy\` does (\`is True\`): \`SESSION_COOKIE_SECURE\` not True, or not set (Django's
  default is False), where the sessions app or middleware is installed (security.W010 app only, W011 middleware only, W012
  both); \`CSRF_COOKIE_SECURE\` likewise where \`CsrfViewMiddleware\` is installed (W016), unless \`CSRF_USE_SESSIONS\` keeps
  the token in the session. An environment read whose literal default is not True is reported at the default.
- express-session: \`cookie.secure\` absent or \`false\`/\`null\` (\`true\`, \`'auto'\` and values that cannot be read are left alone).
- @fastify/secure-session: \`cookie.secure\` absent (the plugin leaves it to @fastify/cookie, which does not set it).
- cookie-session, koa-session, @fastify/session (\`cookie\`, Secure by default), iron-session (\`cookieOptions\`): only
  \`secure: false\` written; an absent \`secure\` is not reported.

Modules named for development or tests (\`dev.py\`, \`local.py\`, \`test_settings.py\`) are not checked.`,
    why: 'A cookie without Secure is also sent over plain HTTP (a first request typed without https://, a mixed-content link), where anyone on the network can copy it and take over the session, or read the CSRF token and replay it in a forged request.',
    example: '```python\nSESSION_COOKIE_SECURE = False\n```\n\n```ts\napp.use(session({ secret, cookie: { secure: false } }));\n```',
    instead:
      "```python\nSESSION_COOKIE_SECURE = True\nCSRF_COOKIE_SECURE = True\n```\n\n```ts\napp.set('trust proxy', 1); // behind a TLS-terminating proxy\napp.use(session({ secret, cookie: { secure: true } }));\n```",
  },
});
