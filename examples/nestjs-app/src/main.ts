import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { RedisStore } from 'connect-redis';
import session from 'express-session';
import { createClient } from 'redis';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  const redis = createClient({ url: process.env.REDIS_URL });
  await redis.connect();
  app.use(
    session({
      name: 'sid',
      secret: process.env.SESSION_SECRET!,
      store: new RedisStore({ client: redis }),
      resave: false,
      saveUninitialized: false,
      cookie: { httpOnly: false, sameSite: 'lax', secure: true, maxAge: 1000 * 60 * 60 * 8 },
    }),
  );
  app.useGlobalPipes(new ValidationPipe({ whitelist: true }));
  await app.listen(process.env.PORT ?? 3000);
}
bootstrap();
