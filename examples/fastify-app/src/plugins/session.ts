import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import { RedisStore } from 'connect-redis';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createClient } from 'redis';

const redis = createClient({ url: process.env.REDIS_URL });
redis.connect();

// Wrapped in fastify-plugin, so the session is visible to every route registered after it.
export const sessionPlugin = fp(async (app: FastifyInstance) => {
  app.register(fastifySession, {
    secret: 'a-long-development-secret-of-at-least-32-chars',
    store: new RedisStore({ client: redis }),
    cookie: { sameSite: 'lax' },
  });
  app.register(fastifyCookie);
});
