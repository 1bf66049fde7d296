import type { FastifyInstance } from 'fastify';

export async function publicRoutes(app: FastifyInstance) {
  app.get('/health', async () => ({ ok: true }));

  app.post<{ Body: { email: string } }>('/login', async (request) => {
    request.session.set('userId', request.body.email);
    return { ok: true };
  });
}
