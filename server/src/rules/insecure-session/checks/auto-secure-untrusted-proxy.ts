import { defineCheck } from '../../check';

export const autoSecureUntrustedProxy = defineCheck({
  rule: 'insecure-session',
  name: 'auto-secure-untrusted-proxy',
  severity: 'info',
  summary: "express-session's `secure: 'auto'` on an app that never sets `trust proxy`.",
  stacks: ['express'],
  messages: {
    message:
      "`secure: 'auto'` makes the session cookie Secure only when `req.secure` is true. Behind a TLS-terminating proxy (a load " +
      "balancer, nginx, a hosting platform's router) the app receives plain HTTP, and `req.secure` stays false unless Express " +
      "trusts the proxy: this app never sets `app.set('trust proxy', …)`, so there the cookie goes out without Secure. Behind a " +
      "proxy, set `trust proxy` to the number of proxies in front of the app (e.g. `app.set('trust proxy', 1)`) before the " +
      'session middleware; an app that terminates TLS itself needs nothing.',
  },
  docs: {
    what: `\`cookie.secure: 'auto'\` in express-session options registered on an Express app (directly, through a project
function the app is handed to, or in a router it mounts) whose chain never sets \`trust proxy\`. Not reported when the session
sets its own \`proxy\` option, or when the app that registers it is not known. @fastify/session's \`'auto'\` reads
X-Forwarded-Proto itself and is not checked. No fix: whether a proxy is in front is a deployment fact.`,
    why: "`'auto'` marks the cookie Secure only when `req.secure` is true. Behind a TLS-terminating proxy the app receives plain HTTP, and Express reads the protocol from X-Forwarded-Proto only once `trust proxy` is set: without it the cookie goes out without Secure.",
    example: "```ts\nconst app = express();\napp.use(session({ secret, cookie: { secure: 'auto' } }));\n```",
    instead: "```ts\nconst app = express();\napp.set('trust proxy', 1);\napp.use(session({ secret, cookie: { secure: 'auto' } }));\n```",
  },
});
