import { defineCheck } from '../../check';

/** Prisma relations emulated by the client (`relationMode = "prisma"`): no foreign key, so no database adds an index. */
export const emulatedRelation = defineCheck({
  rule: 'missing-index',
  name: 'emulated-relation',
  severity: 'warning',
  summary: 'A Prisma relation under relationMode = "prisma" whose scalar fields no index leads with: no foreign key, so no index.',
  stacks: ['prisma'],
  messages: {
    message:
      '`{{model}}.{{field}}` stores its relation in {{keys}}, which no index leads with: with relationMode = "prisma" there is no foreign key, so no database index either, so reading the {{model}} rows of one {{target}}, joining them and deleting a {{target}} scan the table. Add @@index([{{columns}}]), then a migration.',
    fix: 'Add @@index([{{columns}}]) to {{model}}',
  },
  docs: {
    what: `With \`relationMode = "prisma"\` in the datasource (wherever in a schema folder), a relation's scalar fields
(\`fields: [authorId]\`) that no \`@id\`, \`@unique\`, \`@@id\`, \`@@unique\` or \`@@index\` leads with, on any provider but
MongoDB, MySQL included. Prisma emulates the relation in the client and creates no foreign key, so not even MySQL,
which indexes foreign keys itself, adds an index. (With foreign keys, it is \`missing-index/foreign-key\`.) A fix adds
\`@@index([authorId])\` to the model.`,
    why: "Prisma reads the rows of one parent, joins them and, to emulate `onDelete`/`onUpdate`, looks for the children of a deleted parent by these fields: without an index each of those scans the whole table. Prisma's own validation warns about it too.",
    example:
      '```prisma\ndatasource db {\n  provider     = "mysql"\n  url          = env("DATABASE_URL")\n  relationMode = "prisma"\n}\n\nmodel Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n}\n```',
    instead:
      '```prisma\nmodel Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n\n  @@index([authorId])\n}\n```\n\nand a migration (`prisma migrate dev`, or `prisma db push`).',
  },
});
