import { Router } from 'express';
import { AppDataSource } from '../data-source';
import { Post } from '../entities/Post';
import { User } from '../entities/User';

export const postsRouter = Router();

postsRouter.get('/', async (_req, res) => {
  const posts = await AppDataSource.getRepository(Post).find({ order: { createdAt: 'DESC' }, take: 20 });
  const users = AppDataSource.getRepository(User);
  const rows = [];
  for (const post of posts) {
    const author = await users.findOneBy({ id: (post as any).authorId });
    rows.push({ title: post.title, author: author?.displayName });
  }
  res.json(rows);
});

postsRouter.get('/reviewed', async (_req, res) => {
  const posts = await AppDataSource.getRepository(Post).find({ take: 20 });
  const rows = [];
  for (const post of posts) {
    const reviewer = await post.reviewer;
    rows.push({ title: post.title, reviewer: reviewer?.displayName });
  }
  res.json(rows);
});
