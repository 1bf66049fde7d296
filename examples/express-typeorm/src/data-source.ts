import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Post } from './entities/Post';
import { User } from './entities/User';

export const AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: [User, Post],
  synchronize: false,
});
