import { defineCheck } from '../../check';

export const staticAfterSession = defineCheck({
  rule: 'middleware-order',
  name: 'static-after-session',
  severity: 'warning',
  summary: '`express.static` registered after the session middleware.',
  stacks: ['express', 'nest'],
  messages: {
    message:
      '{{entry}} comes after {{session}}: every asset request (image, script, stylesheet) runs it, a store read per visitor with a session cookie (with saveUninitialized, a new session saved and its cookie set on a cacheable response). Serve static files before the session.{{where}}',
  },
  docs: {
    what: '`express.static(...)` (or `serve-static`) registered after `session(...)` in an Express chain. A fix moves it before the session.',
    why: 'Every asset request then runs the session middleware: a store read for each visitor with a session cookie (and whatever a later `passport.session()` does to restore the user), and with `saveUninitialized: true` a new session saved for each visitor without one, its cookie set on a cacheable response a CDN may share. Load on the store for nothing.',
    example: "```ts\napp.use(session({ store }));\napp.use(express.static('public'));\n```",
    instead: "```ts\napp.use(express.static('public'));\napp.use(session({ store }));\n```",
  },
});
