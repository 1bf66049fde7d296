import { defineCheck } from '../../check';

export const defaultCookieName = defineCheck({
  rule: 'insecure-session',
  name: 'default-cookie-name',
  severity: 'info',
  summary: "express-session's default cookie name `connect.sid`, which tells anyone the server runs Express.",
  stacks: ['express'],
  messages: {
    message:
      'No cookie `name`: express-session calls the session cookie `connect.sid`, which tells anyone looking that the server ' +
      "runs Express with express-session. Set a neutral name, e.g. `name: 'sid'`.",
    fix: 'Set a custom cookie name',
  },
  docs: {
    what: "express-session options without `name` (or its legacy alias `key`, still honoured), and a `session()` call without options. Options that may hold one (an unreadable spread) are not reported. The fix adds `name: 'sid'`.",
    why: 'The name `connect.sid` fingerprints the stack: an attacker scanning for a known express-session or Express weakness knows where to aim. A neutral name gives nothing away.',
    example: '```ts\napp.use(session({ secret, store }));\n```',
    instead: "```ts\napp.use(session({ secret, store, name: 'sid' }));\n```",
  },
});
