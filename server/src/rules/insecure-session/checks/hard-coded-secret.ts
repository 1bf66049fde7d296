import { defineCheck } from '../../check';

/** `weakness`: which part of Django's W009 test the key fails. */
const DJANGO_WEAK = '{{weakness}}';
const DJANGO_WHY = 'whoever reads it can forge session cookies, password-reset links and CSRF tokens';

export const hardCodedSecret = defineCheck({
  rule: 'insecure-session',
  name: 'hard-coded-secret',
  severity: 'error',
  summary: 'A session secret, key or password written in the source, or a literal fallback for one (Django security.W009).',
  stacks: ['django', 'express', 'koa', 'fastify'],
  messages: {
    djangoLiteral: `SECRET_KEY is a literal in the source that ${DJANGO_WEAK}: ${DJANGO_WHY}. Read it from the environment (Django security.W009).`,
    djangoFallback: `SECRET_KEY falls back to a hard-coded key when {{env}} is not set, and that key ${DJANGO_WEAK}: ${DJANGO_WHY} (Django security.W009).`,
    express:
      'The session `secret` is hard-coded: express-session signs the session ID cookie with it, so anyone who can read ' +
      'this repository can forge session cookies the server accepts. Read it from the environment (`process.env.SESSION_SECRET`).',
    expressFallback:
      'The session `secret` falls back to a hard-coded literal when {{variable}} is unset: a deployment that forgets the ' +
      'variable silently signs session cookies with a secret anyone with the repository can read. Drop the fallback so a missing secret fails loudly.',
    cookieSession:
      'The cookie-session `{{key}}` is hard-coded: they sign the session cookie, so anyone who reads this repository can forge any session. Read them from the environment.',
    koaKeys:
      '`app.keys` is hard-coded: Koa signs its cookies (the koa-session cookie among them) with these keys, so anyone who reads this repository can forge them. Read them from the environment.',
    fastifySession:
      'The @fastify/session `secret` is hard-coded: it signs the session cookie, so anyone who reads this repository can forge sessions.{{short}}',
    fastifySecureSession:
      'The @fastify/secure-session `{{key}}` is hard-coded: it encrypts and authenticates the session cookie, so anyone who reads this repository can read and forge sessions.',
    ironSession:
      'The iron-session `password` is hard-coded: it seals the session cookie, so anyone who reads this repository can open and forge sessions.{{short}}',
    /** `weakness` of the Django messages. */
    djangoShort: 'has {{length}} characters, fewer than the 50 Django asks for',
    djangoRepetitive: 'has fewer than 5 distinct characters',
    djangoInsecurePrefix: 'has the django-insecure- prefix that startproject gives throwaway keys',
    /** Appended (as `short`) when a literal is also below the library's minimum length. */
    shortForPlugin: ' It is also shorter than the 32 characters the plugin requires.',
    shortForIronSession: ' It is also shorter than the 32 characters iron-session requires.',
    /** `variable` of expressFallback: the variable read, or how to call one whose name cannot be read. */
    namedVariable: 'process.env.{{name}}',
    unnamedVariable: 'the environment variable',
    fixDjango: 'Read SECRET_KEY from the environment',
    fixEnv: 'Read the {{option}} from process.env.{{variable}}',
    fixFallback: 'Remove the hard-coded fallback',
  },
  docs: {
    what: `A secret that signs or seals sessions, written in the source:

- Django: a literal \`SECRET_KEY\` that fails Django's W009 test (under 50 characters, under 5 unique characters, or the
  \`django-insecure-\` prefix), or such a key as the default of an environment read (\`os.environ.get("KEY", "...")\`).
  A long random literal passes W009 and is not reported.
- express-session: a literal \`secret\` (or a list holding one), or a literal fallback (\`process.env.S || 'dev'\`).
- cookie-session: literal \`keys\` or \`secret\`; Koa: literal \`app.keys\`; @fastify/session: a literal \`secret\` (also noting
  one under 32 characters); @fastify/secure-session: a literal \`key\` or \`secret\`; iron-session: a literal \`password\`.

Values read from the environment, and options that cannot be read (a call, an import from a package), are not reported.
The fix reads the value from an environment variable; a list that mixes literals with other values (a key rotation in
progress) gets no fix, since rewriting it would drop the value that is not a literal.`,
    why: 'Whoever reads the repository (a former employee, a leaked backup, a public fork) can sign session cookies, CSRF tokens and password-reset links the server accepts, and log in as anyone. A secret in the source is also the same in every deployment.',
    example: '```python\nSECRET_KEY = "django-insecure-abc"\n```\n\n```ts\napp.use(session({ secret: \'keyboard cat\' }));\n```',
    instead:
      '```python\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n```\n\n```ts\napp.use(session({ secret: process.env.SESSION_SECRET! }));\n```',
  },
});
