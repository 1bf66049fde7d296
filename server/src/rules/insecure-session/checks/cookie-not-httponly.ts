import { defineCheck } from '../../check';

export const cookieNotHttpOnly = defineCheck({
  rule: 'insecure-session',
  name: 'cookie-not-httponly',
  severity: 'warning',
  summary: "A session cookie with HttpOnly turned off, so the page's scripts can read it (Django security.W013–W015).",
  stacks: ['django', 'express', 'koa', 'fastify'],
  messages: {
    djangoValue: '{{name}} is {{value}}, not True: {{why}}{{djangoId}}.',
    djangoDefault: '{{name}} defaults to {{value}} when {{env}} is not set, not True: {{why}}{{djangoId}}.',
    /** `why` of the Django messages. */
    SESSION_COOKIE_HTTPONLY: 'JavaScript can read the session cookie, so one cross-site scripting bug hands the session to an attacker',
    /** `djangoId` when Django's own check applies. */
    djangoId: ' (Django security.{{id}})',
    express:
      "`cookie.httpOnly: false` lets the page's scripts read the session cookie (express-session's default is true): one XSS " +
      'bug is then enough to steal sessions. Set it to true or remove it.',
    cookieSession: '`httpOnly: false`: scripts on the page can read the session cookie, so one XSS bug reads the whole session.',
    koa: '`httpOnly: false`: scripts on the page can read the session cookie, so one XSS bug takes the session.',
    fastify: '`cookie.httpOnly: false`: scripts on the page can read the session cookie.',
    ironSession: '`cookieOptions.httpOnly: false`: scripts on the page can read the session cookie.',
    fixDjango: 'Set {{name}} = True',
    fixDjangoDefault: 'Default {{name}} to True',
    fix: 'Set {{option}} to true',
  },
  docs: {
    what: `HttpOnly turned off on the session cookie: Django's \`SESSION_COOKIE_HTTPONLY\` set to anything but True (Django's
default is True, so an absent setting is fine; security.W013 app only, W014 middleware only, W015 both), and \`httpOnly: false\`
written in express-session's \`cookie\`, cookie-session, koa-session, the Fastify plugins' \`cookie\` or iron-session's
\`cookieOptions\`. In these libraries only a value written as false is reported; an absent one is left alone.`,
    why: 'Without HttpOnly, `document.cookie` hands the session cookie to any script on the page: one cross-site scripting bug, or one compromised third-party script, is enough to steal sessions.',
    example: '```python\nSESSION_COOKIE_HTTPONLY = False\n```\n\n```ts\napp.use(session({ secret, cookie: { httpOnly: false } }));\n```',
    instead: 'Remove the setting (the default is HttpOnly), or set it to `True` / `true`.',
  },
});
