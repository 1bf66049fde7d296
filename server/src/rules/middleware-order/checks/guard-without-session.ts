import { defineCheck } from '../../check';

export const guardWithoutSession = defineCheck({
  rule: 'middleware-order',
  name: 'guard-without-session',
  severity: 'warning',
  summary: 'A NestJS guard reads the session or the restored user, but no middleware provides it.',
  stacks: ['nest'],
  messages: {
    session:
      '{{guard}} reads the session (req.session, or passport\'s logIn, which stores the user in it), but no session middleware is applied: guards run after all middleware, and without app.use(session(...)) there is no req.session ("Login sessions require session support").',
    user: '{{guard}} reads req.user, which passport.session() restores from the session on each request after the login; the app keeps logins in the session (a PassportSerializer in {{serializer}}) but never applies passport.session(), so req.user is undefined after the login request. Add app.use(passport.session()) after the session middleware in main.ts.',
  },
  docs: {
    what: "A guard (global, `APP_GUARD`, or bound with `@UseGuards`) that reads `req.session` or calls passport's `logIn` while no session middleware is applied anywhere in the project; and one that reads `req.user` in an app that keeps logins in the session (a `PassportSerializer`) but never applies `passport.session()` — unless an earlier guard of the same route runs a passport strategy, which sets `req.user` itself.",
    why: 'Guards run after all middleware. Without the session middleware there is no `req.session` and passport fails with "Login sessions require session support"; without `passport.session()`, `req.user` is set on the login request only.',
    example:
      '```ts\n// main.ts: app.use(session({ ... })) but no passport.session()\n@UseGuards(AuthenticatedGuard) // reads request.user\n```',
    instead: '```ts\napp.use(session({ ... }));\napp.use(passport.session());\n```',
  },
});
