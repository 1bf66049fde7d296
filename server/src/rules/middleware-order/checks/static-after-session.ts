import { defineCheck } from '../../check';

export const staticAfterSession = defineCheck({
  rule: 'middleware-order',
  name: 'static-after-session',
  severity: 'warning',
  summary: '`express.static` registered after the session middleware.',
  stacks: ['express', 'nest'],
  messages: {
    message:
      '{{entry}} comes after {{session}}: every request for an image, script or stylesheet loads (or creates) a session in the store and may set the session cookie on static responses. Serve static files before the session middleware.{{where}}',
  },
  docs: {
    what: '`express.static(...)` (or `serve-static`) registered after `session(...)` in an Express chain. A fix moves it before the session.',
    why: 'Every asset request then reads (or creates) a session in the store and may set the session cookie on a cacheable response: load on the store for nothing, and session cookies on responses a CDN may share.',
    example: "```ts\napp.use(session({ store }));\napp.use(express.static('public'));\n```",
    instead: "```ts\napp.use(express.static('public'));\napp.use(session({ store }));\n```",
  },
});
