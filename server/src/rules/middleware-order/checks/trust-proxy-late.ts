import { defineCheck } from '../../check';

export const trustProxyLate = defineCheck({
  rule: 'middleware-order',
  name: 'trust-proxy-late',
  severity: 'warning',
  summary: '`trust proxy` set after the session or rate limiter that depends on it.',
  stacks: ['express'],
  messages: {
    message:
      '`trust proxy` is set after {{dependent}}, which depends on it behind a TLS-terminating proxy (a Secure session cookie, the client address a rate limiter counts). The express-session and express-rate-limit docs set it first.{{where}}',
  },
  docs: {
    what: "`app.set('trust proxy', ...)` placed after `session(...)` or a rate limiter in the chain's statements. A fix moves it before them.",
    why: 'express-session decides whether the connection is secure, and express-rate-limit which client to count, from the proxy headers `trust proxy` enables; set later, the statements before it were written for an app that does not trust the proxy, which misleads readers and breaks when code moves.',
    example: "```ts\napp.use(session({ cookie: { secure: true } }));\napp.set('trust proxy', 1);\n```",
    instead: "```ts\napp.set('trust proxy', 1);\napp.use(session({ cookie: { secure: true } }));\n```",
  },
});
