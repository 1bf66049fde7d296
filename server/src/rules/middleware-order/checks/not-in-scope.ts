import { defineCheck } from '../../check';

export const notInScope = defineCheck({
  rule: 'middleware-order',
  name: 'not-in-scope',
  severity: 'error',
  summary: 'A Fastify plugin, hook or route in an encapsulation context that does not see the plugin it needs.',
  stacks: ['fastify', 'nest'],
  messages: {
    plugin:
      '{{entry}} is registered in {{context}}, which does not see {{other}} registered in {{otherContext}}: a plugin registered without fastify-plugin keeps what it registers to its own context. Register {{other}} in an enclosing context, or wrap the plugin that registers it in fastify-plugin.',
    reader:
      '{{kind}} reads request.session in {{context}}, which does not see {{session}} registered in {{otherContext}}: a plugin registered without fastify-plugin keeps its hooks and decorators to its own context, so request.session is undefined here. Register the session plugin in an enclosing context, or wrap the plugin that registers it in fastify-plugin.',
    root: 'the root context of `{{app}}`',
    context: 'the context `{{context}}`',
    hook: 'The {{hook}} hook',
    route: 'The route {{route}}',
  },
  docs: {
    what: "Fastify's encapsulation, followed across files: `@fastify/session` or `@fastify/csrf-protection` registered in a context that does not see the plugin it needs, and a hook or route reading `request.session` in a context that does not see the session plugin (a sibling plugin registered without `fastify-plugin`).",
    why: 'A plugin registered without fastify-plugin keeps its decorators and hooks to its own context: code in a sibling context sees no `request.session`, and a plugin whose dependency lives in a sibling fails to load.',
    example: '```ts\napp.register(async (child) => { child.register(fastifyCookie); });\napp.register(fastifySession, { secret });\n```',
    instead: '```ts\napp.register(fastifyCookie);\napp.register(fastifySession, { secret });\n```',
  },
});
