import { defineCheck } from '../../check';

export const koaErrorHandlerNotFirst = defineCheck({
  rule: 'middleware-order',
  name: 'koa-error-handler-not-first',
  severity: 'warning',
  summary: 'A Koa error-handling middleware that is not the first in the chain.',
  stacks: ['koa'],
  messages: {
    message:
      "The error-handling middleware is registered after {{earlier}}: Koa's handlers catch only what runs after them, so errors in those reach Koa's default handler. Register it first.",
    related: 'the other half of it',
  },
  docs: {
    what: 'A Koa middleware that wraps `await next()` in `try`/`catch` to handle errors, registered after other middleware.',
    why: "Koa's middleware is an onion: a handler catches only the errors of what runs inside it, after it. Middleware registered before it fails through to Koa's default handler.",
    example:
      '```ts\napp.use(bodyParser());\napp.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.status = 500; } });\n```',
    instead:
      '```ts\napp.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.status = 500; } });\napp.use(bodyParser());\n```',
  },
});
