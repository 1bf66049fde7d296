import type { FastifyInstance } from 'fastify';

export async function accountRoutes(app: FastifyInstance) {
  app.addHook('preHandler', async (request, reply) => {
    if (!request.session.get('userId')) return reply.code(401).send({ error: 'login required' });
  });

  app.get('/', async (request) => ({ userId: request.session.get('userId') }));

  app.post('/logout', async (request) => {
    await request.session.destroy();
    return { ok: true };
  });
}
