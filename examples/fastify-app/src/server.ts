import helmet from '@fastify/helmet';
import Fastify from 'fastify';
import { sessionPlugin } from './plugins/session';
import { accountRoutes } from './routes/account';
import { publicRoutes } from './routes/public';

const app = Fastify({ logger: true, trustProxy: 1 });

app.register(helmet);
app.register(sessionPlugin);
app.register(publicRoutes);
app.register(accountRoutes, { prefix: '/account' });

app.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });
