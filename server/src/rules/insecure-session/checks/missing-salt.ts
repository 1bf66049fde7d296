import { defineCheck } from '../../check';

export const missingSalt = defineCheck({
  rule: 'insecure-session',
  name: 'missing-salt',
  severity: 'warning',
  summary: "@fastify/secure-session derives its key from a `secret` with the library's static salt.",
  stacks: ['fastify'],
  messages: {
    message:
      '@fastify/secure-session has a `secret` but no `salt`: it derives the key with a static salt built into the library, the same in every application. Add a random `salt` from the environment.',
    fix: 'Read the salt from process.env.SESSION_SALT',
  },
  docs: {
    what: '@fastify/secure-session options with a `secret` and no `salt`. Options with a `key` (no derivation) or with any `salt`, and options that may hold one (an unreadable spread), are not reported. The fix adds a salt read from the environment.',
    why: 'Without a salt the plugin derives the encryption key from the secret with a salt built into the library, the same for every application: identical secrets give identical keys, and precomputed guesses apply to every app that uses it.',
    example: '```ts\nfastify.register(secureSession, { secret: process.env.SESSION_SECRET! });\n```',
    instead: '```ts\nfastify.register(secureSession, { secret: process.env.SESSION_SECRET!, salt: process.env.SESSION_SALT! });\n```',
  },
});
