import { defineCheck } from '../../check';

export const errorHandlerBeforeRoutes = defineCheck({
  rule: 'middleware-order',
  name: 'error-handler-before-routes',
  severity: 'error',
  summary: 'An Express error handler registered before routes whose errors it never sees.',
  stacks: ['express', 'nest'],
  messages: {
    message:
      'The error handler is registered before {{routes}}: errors those routes raise never reach it (Express runs middleware in order). Register it last.{{where}}',
  },
  docs: {
    what: 'An error-handling middleware (a function of four parameters) registered with `app.use` before routes. A fix moves it after the last route or to the end of the chain.',
    why: "Express passes an error to the error handlers registered after the middleware that raised it: one registered before the routes never runs for their errors, which then reach Express's default handler (an HTML stack trace in development).",
    example: "```ts\napp.use((err, req, res, next) => res.status(500).json({ error: err.message }));\napp.use('/api', api);\n```",
    instead: "```ts\napp.use('/api', api);\napp.use((err, req, res, next) => res.status(500).json({ error: err.message }));\n```",
  },
});
