// The CLI as the npm package `stackscope`: what the tarball holds, and that it installs without
// the registry and runs with no dependency beside it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { installPackedCli, offlineEnv, type NpmProject } from '../support/npm-project';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; private?: boolean; bin: Record<string, string> };

let project: NpmProject;
before(() => {
  project = installPackedCli();
}, { timeout: 300_000 });

/** Runs a shell command line in the project, without network. */
function sh(command: string, cwd = project.dir) {
  const result = spawnSync('bash', ['-c', command], { cwd, env: offlineEnv, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the npm package', () => {
  it('is public, named stackscope, and its bin is the bundled CLI', () => {
    assert.equal(manifest.name, 'stackscope');
    assert.notEqual(manifest.private, true);
    assert.deepEqual(manifest.bin, { stackscope: './dist/cli.js' });
  });

  it('ships the CLI bundle and the wasm it loads, and nothing of the extension or the sources', () => {
    assert.deepEqual(project.files.map((f) => f.path).sort(), [
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/prisma_schema_build_bg.wasm',
      'dist/tree-sitter-python.wasm',
      'dist/tree-sitter.wasm',
      'package.json',
    ]);
  });

  it('installs with no dependency: node_modules holds stackscope alone', () => {
    const installed = readFileSync(join(project.dir, 'package-lock.json'), 'utf8');
    assert.deepEqual(Object.keys(JSON.parse(installed).packages).sort(), ['', 'node_modules/stackscope']);
  });

  it('`npx stackscope check` finds the examples\' problems', () => {
    const text = sh('npx stackscope check examples');
    assert.equal(text.code, 1, text.stderr);
    assert.match(text.stdout, /^django-shop\/shop\/settings\.py:\d+:1 {2}warning {2}SESSION_COOKIE_SECURE is False/m);
    assert.match(text.stdout, /^\d+ problems \(.*\) in \d+ files; \d+ with a quick fix\.$/m);
    const json = JSON.parse(sh('npx stackscope check examples --format json').stdout) as { findings: { file: string }[] };
    // Each stack: Python through tree-sitter's wasm, Prisma through its schema engine's, TypeScript.
    for (const file of ['django-shop/shop/settings.py', 'express-prisma/prisma/schema.prisma', 'express-typeorm/src/app.ts']) {
      assert.ok(json.findings.some((f) => f.file === file), `no finding in ${file}`);
    }
    assert.equal(sh('npx stackscope --version').stdout.trim(), manifest.version);
  });

  it('runs from the bundle alone: the CLI requires only Node\'s own modules', () => {
    const bundle = readFileSync(join(project.dir, 'node_modules', 'stackscope', 'dist', 'cli.js'), 'utf8');
    const required = new Set([...bundle.matchAll(/\brequire\("([@\w][\w./@:-]*)"\)/g)].map((m) => m[1]));
    // TypeScript's compiler, bundled in, tries these inside try/catch and goes on without them.
    const optional = new Set(['source-map-support']);
    const outside = [...required].filter((id) => !id.startsWith('node:') && !builtinModules.includes(id) && !optional.has(id));
    assert.deepEqual(outside, []);
  });
});
