import { defineCheck } from '../../check';

export const memoryStore = defineCheck({
  rule: 'insecure-session',
  name: 'memory-store',
  severity: 'warning',
  summary: 'A session store left to the in-memory default, which leaks and loses sessions.',
  stacks: ['express', 'fastify'],
  messages: {
    express:
      'No `store`: express-session keeps sessions in its MemoryStore, which leaks memory, loses every session on restart and ' +
      'is not shared between processes (it prints a warning in production). Use a real store such as connect-redis or connect-pg-simple.',
    fastify:
      'No `store`: {{library}} keeps sessions in memory, which leaks, loses every session on restart and is not shared between instances. Use a real store.',
  },
  docs: {
    what: 'express-session without `store` (or with `store: undefined`/`null`, or with no options at all), and @fastify/session without `store`. Options that may hold one (an unreadable spread) are not reported. No fix: choosing a store means adding a package.',
    why: 'The in-memory store never evicts expired sessions (memory grows until the process dies), loses every session on restart, and is not shared between processes or instances, so a user is logged out whenever a load balancer picks another one. express-session prints a warning about it in production.',
    example: "```ts\napp.use(session({ secret: process.env.SESSION_SECRET!, name: 'sid' }));\n```",
    instead:
      "```ts\napp.use(session({ secret: process.env.SESSION_SECRET!, name: 'sid', store: new RedisStore({ client: redis }) }));\n```",
  },
});
