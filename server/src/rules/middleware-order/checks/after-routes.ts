import { defineCheck } from '../../check';

/** Express middleware meant for every request, registered after routes that then run without it. */
export const afterRoutes = defineCheck({
  rule: 'middleware-order',
  name: 'after-routes',
  severity: 'warning',
  summary: 'A body parser, helmet, cors, rate limiter or CSRF protection registered after routes that run without it.',
  stacks: ['express', 'nest'],
  messages: {
    message:
      '{{entry}} is registered after {{count}} {{routes}} ({{listed}}), which run without it and {{effect}}. Register it before the routes.{{where}}',
    'body-parser': 'see req.body undefined',
    helmet: 'are served without its security headers',
    cors: 'answer without CORS headers (and their preflight requests fail)',
    'rate-limit': 'are not rate limited',
    csrf: 'are not protected against CSRF',
  },
  docs: {
    what: 'In an Express app (or a NestJS app on Express), a body parser, `helmet()`, `cors()`, a rate limiter or CSRF protection registered with `app.use` after routes: those routes never pass through it. A fix moves it before the first route, when that breaks no other rule.',
    why: 'Express runs middleware and routes in registration order and stops at the route that answers: a route registered earlier answers without the headers, limits or parsing the later middleware adds.',
    example: "```ts\napp.post('/login', login);\napp.use(express.json());\n```",
    instead: "```ts\napp.use(express.json());\napp.post('/login', login);\n```",
  },
});
