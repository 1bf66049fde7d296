import { defineCheck } from '../../check';

export const unsignedCookie = defineCheck({
  rule: 'insecure-session',
  name: 'unsigned-cookie',
  severity: 'error',
  summary: 'A cookie session with `signed: false`: the client can edit what the server trusts.',
  stacks: ['express', 'koa'],
  messages: {
    cookieSession:
      '`signed: false`: the session cookie carries no signature, so a client can edit its session (user id, roles) and the server trusts it.',
    koa: '`signed: false`: the koa-session cookie carries no signature, so a client can change what the server reads from it.',
    fix: 'Set signed to true',
  },
  docs: {
    what: `\`signed: false\` in cookie-session or koa-session options. The fix sets it to true only where signing can work: in
cookie-session when the options have \`keys\` or \`secret\`, in koa-session when the Koa app that registers the session sets
\`app.keys\` (otherwise signing throws ".keys required").`,
    why: 'cookie-session keeps the whole session in the cookie, and koa-session reads its session (or its id) from it: without a signature a client can change the user id or roles it holds, and the server believes it.',
    example: '```ts\napp.use(cookieSession({ signed: false }));\n```',
    instead: '```ts\napp.use(cookieSession({ keys: [process.env.SESSION_KEY!] }));\n```',
  },
});
