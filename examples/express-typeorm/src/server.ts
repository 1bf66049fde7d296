import { app } from './app';
import { AppDataSource } from './data-source';

AppDataSource.initialize().then(() => {
  app.listen(Number(process.env.PORT ?? 3000));
});
