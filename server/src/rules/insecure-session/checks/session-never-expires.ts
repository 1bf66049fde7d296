import { defineCheck } from '../../check';

export const sessionNeverExpires = defineCheck({
  rule: 'insecure-session',
  name: 'session-never-expires',
  severity: 'info',
  summary: "A session with no expiry: rolling without maxAge (express-session), `maxAge: 'session'` (koa-session).",
  stacks: ['express', 'koa'],
  messages: {
    express:
      "`rolling: true` without `cookie.maxAge`: rolling resets the cookie's expiry to maxAge on every response, and there is " +
      'none, so the session cookie never expires: it is sent again with every response and lasts as long as the browser stays ' +
      'open, while the store refreshes the session on every request. A session in use, or a stolen cookie kept in use, stays ' +
      'valid forever. Set a bounded `cookie.maxAge` (with rolling, an idle timeout).',
    koa: "`maxAge: 'session'`: the cookie lasts until the browser closes, and a stolen copy stays valid as long, with no expiry the server enforces. Prefer a bounded maxAge.",
  },
  docs: {
    what: `- express-session: \`rolling: true\` with a \`cookie\` that has no \`maxAge\` or \`expires\` (or \`maxAge: null\`), or no \`cookie\`
  at all. A \`cookie\` that is not an object literal, or an expiry that cannot be read, is left alone.
- koa-session: \`maxAge: 'session'\`.

No fix: how long a session should live is the app's choice.`,
    why: 'A session with no expiry stays valid as long as it is used: a stolen cookie kept in use, or a session left open on a shared computer, never times out, and nothing on the server ends it.',
    example: '```ts\napp.use(session({ secret, store, rolling: true, cookie: { secure: true } }));\n```',
    instead: '```ts\napp.use(session({ secret, store, rolling: true, cookie: { secure: true, maxAge: 30 * 60 * 1000 } }));\n```',
  },
});
