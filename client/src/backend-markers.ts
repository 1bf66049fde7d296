// What makes a workspace one Stackscope has something to say about. The extension activates on
// Python and TypeScript files, which every kind of project has; the language server (and its
// memory) only starts when one of these markers is present, so unrelated workspaces pay nothing.

/** Files whose presence alone means a Django or Prisma project, or a configured Stackscope. */
export const MARKER_FILES = ['**/manage.py', '**/schema.prisma', '**/stackscope.json', '**/settings.py'];

/** npm packages of the ORMs, frameworks and session libraries the rules know. */
export const SUPPORTED_PACKAGES: readonly string[] = [
  'typeorm',
  '@prisma/client',
  'prisma',
  'sequelize',
  '@sequelize/core',
  'sequelize-typescript',
  '@mikro-orm/core',
  'drizzle-orm',
  'mongoose',
  'express',
  'express-session',
  'cookie-session',
  'koa',
  'koa-session',
  '@nestjs/core',
  'fastify',
  '@fastify/session',
  '@fastify/secure-session',
  'iron-session',
];

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** Whether a parsed package.json depends on something Stackscope analyses (forks of TypeORM under a scope too). */
export function dependsOnSupported(manifest: unknown): boolean {
  if (typeof manifest !== 'object' || manifest === null) return false;
  return DEPENDENCY_FIELDS.some((field) => {
    const deps = (manifest as Record<string, unknown>)[field];
    if (typeof deps !== 'object' || deps === null) return false;
    return Object.keys(deps).some((name) => SUPPORTED_PACKAGES.includes(name) || /^@[^/]+\/typeorm$/.test(name));
  });
}
