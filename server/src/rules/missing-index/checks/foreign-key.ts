import { defineCheck } from '../../check';

/** A foreign key column no index leads with, where neither the database nor the ORM adds one. */
export const foreignKey = defineCheck({
  rule: 'missing-index',
  name: 'foreign-key',
  severity: 'warning',
  summary: 'A many-to-one relation whose foreign key column no index leads with, on a database that does not index foreign keys itself.',
  stacks: ['typeorm', 'prisma', 'sequelize', 'mikro-orm', 'drizzle'],
  messages: {
    typeorm:
      '`{{model}}.{{field}}` is a many-to-one relation whose foreign key column `{{column}}` has no index: {{database}} does not index foreign keys by itself, so reading the {{model}} rows of one {{target}}, joining them, and deleting a {{target}} all scan the {{table}} table. Add @Index() on the relation, then a migration.',
    prisma:
      '`{{model}}.{{field}}` stores its relation in {{keys}}, which no index leads with: {{database}} does not index foreign keys by itself, so reading the {{model}} rows of one {{target}}, joining them and deleting a {{target}} scan the table. Add @@index([{{columns}}]), then a migration.',
    sequelize:
      "`{{model}}.{{field}}` is the foreign key to {{target}}, and no index leads with it (neither the model's `indexes` nor a migration's `addIndex`): {{database}} does not index foreign keys by itself, so including {{model}} rows of a {{target}} and deleting one scan the {{table}} table. Add `queryInterface.addIndex('{{table}}', ['{{column}}'])` in a migration.",
    mikroOrm:
      '`{{model}}.{{field}}` is a many-to-one relation whose foreign key `{{column}}` has no index: on PostgreSQL MikroORM does not create one, so reading the {{model}} rows of one {{target}} and deleting one scan the table. Add `index: true` to @ManyToOne (or @Index()), then a migration.',
    drizzle:
      "`{{model}}.{{field}}` references {{target}}, and no index leads with it: `.references()` creates the foreign key only, and {{database}} does not index it, so reading the {{table}} rows of one {{target}} and deleting one scan the table. Add `index('{{table}}_{{column}}_idx').on(t.{{field}})` to the table's third argument, then a migration.",
    unknownDatabase: 'this database',
    indexFix: 'Add @Index() to {{model}}.{{field}}',
    prismaIndexFix: 'Add @@index([{{columns}}]) to {{model}}',
  },
  docs: {
    what: `A many-to-one relation whose foreign key column no index leads with, where the database does not index foreign
keys by itself: PostgreSQL, SQLite, SQL Server, CockroachDB do not; MySQL, MariaDB (InnoDB) do, and MongoDB has no
foreign keys. The database is the one the project configures for the model (below); where it configures several, the
finding names those that do not index foreign keys. One finding per relation, on its declaration.

- **TypeORM**: a \`@ManyToOne\` relation (or an \`EntitySchema\` one) without \`@Index()\`, not unique, not leading a
  class-level \`@Index([...])\`, and not declared with \`createForeignKeyConstraints: false\`, when a \`new DataSource({ type })\`
  of the project names such a database. Without a DataSource nothing is reported (on MySQL it would be noise). A fix
  adds \`@Index()\` to the relation.
- **Prisma**: a relation's foreign key scalars (\`fields: [authorId]\`) that no \`@id\`, \`@unique\`, \`@@id\`, \`@@unique\` or
  \`@@index\` leads with, when the schema's provider (its datasource, wherever in a schema folder) is not MySQL or
  MongoDB. With \`relationMode = "prisma"\` it is \`missing-index/emulated-relation\` instead. A fix adds
  \`@@index([authorId])\` to the model.
- **Sequelize**: a foreign key (from \`belongsTo\`, \`hasMany\`, \`references\`) that neither the model's \`indexes\` nor a
  migration's \`addIndex\` covers, when a \`new Sequelize(...)\` of the project names such a dialect (or a URL).
- **MikroORM**: a \`@ManyToOne\` without \`index: true\` or \`@Index()\`, when the project imports the PostgreSQL driver
  (\`@mikro-orm/postgresql\`): on the other platforms MikroORM creates the index itself.
- **Drizzle**: a \`.references()\` column that no \`index().on()\` of the table's third argument leads with, in a file of
  \`pgTable\` or \`sqliteTable\` tables (not \`mysqlTable\` or \`singlestoreTable\`).`,
    why: 'The ORM creates the foreign key constraint only. Reading the rows of one parent (`user.posts`, an `include`), joining from the parent, and deleting a parent row (the database checks that no child still references it) then scan the whole child table. It is invisible on a development database and slow, and growing, in production.',
    example: '```ts\n@Entity()\nexport class Post {\n  @ManyToOne(() => User)\n  author!: User;\n}\n```\n\non PostgreSQL.',
    instead: '```ts\n@Entity()\nexport class Post {\n  @Index()\n  @ManyToOne(() => User)\n  author!: User;\n}\n```\n\nand a migration.',
  },
});
