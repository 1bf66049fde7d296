import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

/** The latest posts with their author and comment count. */
export async function feed() {
  const posts = await prisma.post.findMany({ orderBy: { publishedAt: 'desc' }, take: 20 });
  const items = [];
  for (const post of posts) {
    const author = await prisma.user.findUnique({ where: { id: post.authorId } });
    const comments = await prisma.comment.count({ where: { postId: post.id } });
    items.push({ title: post.title, author: author?.name, comments });
  }
  return items;
}

/** Authors by id: Prisma batches these findUnique calls into one query. */
export function authors(ids: number[]) {
  return Promise.all(ids.map((id) => prisma.user.findUnique({ where: { id } })));
}
