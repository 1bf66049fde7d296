import { defineCheck } from '../../check';

export const ignoredCookieOptions = defineCheck({
  rule: 'insecure-session',
  name: 'ignored-cookie-options',
  severity: 'warning',
  summary: 'A nested `cookie: {...}` in cookie-session options, which cookie-session never reads.',
  stacks: ['express'],
  messages: {
    message:
      'cookie-session ignores a nested `cookie: {...}`: its cookie options (`secure`, `httpOnly`, `sameSite`, `maxAge`) go at the top level of the options. None of these are applied.',
    fix: 'Move the cookie options to the top level',
  },
  docs: {
    what: `A \`cookie\` entry in cookie-session's options (written the express-session way). The fix moves the nested entries to
the top level, as written, leaving out those the top level already has (they are what applies today); it is offered only for
literals written in place, and not when nothing would be left to move.`,
    why: 'cookie-session reads `secure`, `httpOnly`, `sameSite` and `maxAge` from the top level of its options only: the flags the author meant to set are silently not applied, so the cookie may be sent over HTTP, readable by scripts or without expiry.',
    example: '```ts\napp.use(cookieSession({ keys, cookie: { secure: true, httpOnly: true } }));\n```',
    instead: '```ts\napp.use(cookieSession({ keys, secure: true, httpOnly: true }));\n```',
  },
});
