import { defineCheck } from '../../check';

export const sameSiteUnset = defineCheck({
  rule: 'insecure-session',
  name: 'samesite-unset',
  severity: 'hint',
  summary: 'A session cookie with no SameSite attribute, which Firefox and Safari send with cross-site requests.',
  stacks: ['express', 'koa', 'fastify'],
  messages: {
    message:
      '`sameSite` is not set: {{defaults}}. Chromium browsers then treat the ' +
      'session cookie as Lax, but Firefox and Safari send it with requests that other sites trigger, which is what a CSRF ' +
      "attack needs. Set `sameSite: 'lax'` (or 'strict').",
    /** `defaults`, by library: what the library does when `sameSite` is not given. */
    'express-session': 'express-session sets no SameSite attribute unless `cookie.sameSite` is given',
    'cookie-session': "cookie-session's `sameSite` defaults to false, which sets no SameSite attribute",
    'koa-session': "koa-session's `sameSite` defaults to null, which sets no SameSite attribute",
    '@fastify/session': '@fastify/session leaves `cookie.sameSite` unset, so the cookie has no SameSite attribute',
    '@fastify/secure-session': '@fastify/secure-session leaves `cookie.sameSite` to @fastify/cookie, which sets no SameSite attribute',
    fix: "Set sameSite to 'lax'",
  },
  docs: {
    what: `No \`sameSite\` where the library then sets no SameSite attribute: express-session's and the Fastify plugins' \`cookie\`
options, cookie-session's and koa-session's top-level options (where they read it), and a session set up with no options.
Any value written, even \`false\`, is a choice and is left alone, as are options that may hold one (an unreadable spread, a
\`cookie\` that is not an object literal). iron-session defaults to Lax and is not checked. In cookie-session, a \`sameSite\`
inside a nested \`cookie: {...}\` is left to ignored-cookie-options, whose fix moves it up. A hint: the risk depends on the
browsers and on the app's CSRF protection.`,
    why: 'Chromium treats a cookie without SameSite as Lax, but Firefox and Safari send it with requests that other sites trigger (forms, images, fetches), which is what a CSRF attack needs.',
    example: '```ts\napp.use(session({ secret, cookie: { secure: true } }));\n```',
    instead: "```ts\napp.use(session({ secret, cookie: { secure: true, sameSite: 'lax' } }));\n```",
  },
});
