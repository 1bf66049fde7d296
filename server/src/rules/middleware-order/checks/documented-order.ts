import { defineCheck } from '../../check';

/** Middleware in an order its documentation advises against: nothing fails, but something is silently wrong. */
export const documentedOrder = defineCheck({
  rule: 'middleware-order',
  name: 'documented-order',
  severity: 'warning',
  summary: 'Middleware in an order its documentation advises against, with silently wrong results.',
  stacks: ['django', 'express'],
  messages: {
    django: '{{then}} comes before {{first}}: {{why}}.',
    expressPassportInitialize:
      '{{entry}} comes before {{needed}}: passport keeps its login state in the session, which session() creates; initialize passport after it.{{where}}',
  },
  docs: {
    what: `The pairs of Django's "Middleware ordering" documentation whose violation raises nothing: \`UpdateCacheMiddleware\`
after a middleware that changes the Vary header (\`SessionMiddleware\`, \`GZipMiddleware\`, \`LocaleMiddleware\`),
\`FetchFromCacheMiddleware\` before one of them, \`ConditionalGetMiddleware\` before \`GZipMiddleware\`, \`LocaleMiddleware\`
before \`SessionMiddleware\`, \`RemoteUserMiddleware\` before \`CsrfViewMiddleware\`, \`CommonMiddleware\` before
\`SessionMiddleware\` with \`CSRF_USE_SESSIONS\`, and \`MessageMiddleware\` before \`SessionMiddleware\` when the message
storage cannot be read. Express: \`passport.initialize()\` before \`session()\`.`,
    why: "A cache that runs on the wrong side of the Vary header serves one visitor's page to another; an ETag computed before compression never matches; a language read before the session ignores the user's choice.",
    example: `\`\`\`python
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.cache.UpdateCacheMiddleware",
]
\`\`\``,
    instead: `\`\`\`python
MIDDLEWARE = [
    "django.middleware.cache.UpdateCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
]
\`\`\``,
  },
});
