import { defineCheck } from '../../check';

export const missingSecret = defineCheck({
  rule: 'insecure-session',
  name: 'missing-secret',
  severity: 'error',
  summary: 'A session library set up without the secret or keys it needs: it throws or refuses to start.',
  stacks: ['express', 'fastify'],
  messages: {
    express:
      'express-session has no `secret`: it cannot sign the session ID cookie, and every request fails with ' +
      '"secret option required for sessions". Read it from the environment: `secret: process.env.SESSION_SECRET`.',
    cookieSessionNoOptions: 'cookie-session has no `keys`: it throws ".keys required." when it loads. Read the keys from the environment.',
    cookieSession: 'cookie-session has no `keys` (or `secret`): it throws ".keys required." when it loads.',
    fastifyNoOptions: '{{library}} is registered without options: it needs a secret (or key) and refuses to start.',
    fastifySession: '@fastify/session has no `secret`: the plugin refuses to start. Read it from the environment.',
    fix: 'Read the secret from process.env.SESSION_SECRET',
  },
  docs: {
    what: `A session library whose options leave out what it cannot work without: express-session without \`secret\` (or with
\`secret: undefined\`), cookie-session without \`keys\` or \`secret\` (unless \`signed: false\`, which unsigned-cookie reports),
@fastify/session without \`secret\`, and a Fastify session plugin registered with no options at all. Options that may hold
the key (an unreadable spread) are not reported.`,
    why: 'express-session fails every request with "secret option required for sessions", cookie-session throws ".keys required." when it loads, and the Fastify plugins refuse to start: the app is broken, and the usual quick repair is a literal secret.',
    example: '```ts\napp.use(session({ resave: false, saveUninitialized: false }));\n```',
    instead: '```ts\napp.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));\n```',
  },
});
