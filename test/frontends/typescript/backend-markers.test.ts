// Which workspaces start the language server: the examples do, a front-end-only project does not.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dependsOnSupported } from '../../../client/src/backend-markers';

const examples = join(__dirname, '..', '..', '..', 'examples');

describe('backend markers', () => {
  it('every TypeScript example depends on a supported package', () => {
    const manifests = readdirSync(examples).flatMap((name) => {
      try {
        return [[name, JSON.parse(readFileSync(join(examples, name, 'package.json'), 'utf8'))] as const];
      } catch {
        return [];
      }
    });
    assert.ok(manifests.length >= 2);
    for (const [name, manifest] of manifests) assert.ok(dependsOnSupported(manifest), name);
  });

  it('recognises ORMs in dev dependencies and scoped TypeORM forks', () => {
    assert.ok(dependsOnSupported({ devDependencies: { prisma: '^6.0.0' } }));
    assert.ok(dependsOnSupported({ dependencies: { '@acme/typeorm': '1.0.0' } }));
    assert.ok(dependsOnSupported({ dependencies: { '@nestjs/core': '^11' } }));
  });

  it('stays idle for a front-end project, a look-alike name and a broken manifest', () => {
    assert.equal(dependsOnSupported({ dependencies: { react: '^19', vite: '^7', 'typeorm-naming-strategies': '4' } }), false);
    assert.equal(dependsOnSupported({ dependencies: { '@types/express': '5' } }), false);
    assert.equal(dependsOnSupported({ dependencies: 'express' }), false);
    assert.equal(dependsOnSupported(null), false);
  });
});
