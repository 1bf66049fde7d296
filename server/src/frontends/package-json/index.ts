// package.json: the version ranges of the project's dependencies, for rules whose verdict depends on
// the version of a library (Passport regenerates the session on login itself since 0.6.0), and where
// Prisma's schema is (`"prisma": { "schema": "db/schema" }`, relative to the package.json).
import { basename, dirname, resolve } from 'node:path';
import type { FileFacts } from '../../model/types';
import type { Frontend } from '../frontend';
import { emptyFacts } from '../frontend';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

export const packageJsonFrontend: Frontend = {
  language: 'package-json',
  globs: ['**/package.json'],
  handles: (file) => basename(file) === 'package.json',
  init: async () => {},
  analyze: (file, text) => {
    const facts: FileFacts = { ...emptyFacts(file, 'package-json'), dependencies: {} };
    let manifest: unknown;
    try {
      manifest = JSON.parse(text);
    } catch {
      // A half-typed manifest says nothing about versions; npm reports its syntax.
      return facts;
    }
    if (!isRecord(manifest)) return facts;
    for (const field of DEPENDENCY_FIELDS) {
      const dependencies = manifest[field];
      if (!isRecord(dependencies)) continue;
      for (const [name, range] of Object.entries(dependencies)) {
        // `dependencies` wins over the others: it is what the app runs with.
        if (typeof range === 'string' && !(name in facts.dependencies!)) facts.dependencies![name] = range;
      }
    }
    const prisma = manifest.prisma;
    if (isRecord(prisma) && typeof prisma.schema === 'string' && prisma.schema !== '')
      facts.prismaSchemaPath = resolve(dirname(file), prisma.schema);
    return facts;
  },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
