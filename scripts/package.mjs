// Builds, then packages the extension into dist/stackscope.vsix from an allow-list: the bundles the
// extension runs and the files VS Code reads from the manifest, nothing else (the CLI bundle, the
// README's screenshots and the sources stay out).
//
// package.json's `files` lists what the npm package (the CLI) ships, and vsce refuses a project that
// has both `files` and a .vscodeignore; so the .vsix is made from a staging folder that holds the
// allow-listed files and a manifest without the npm-only keys.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const vsixPath = join(root, 'dist', 'stackscope.vsix');

/** What the installed extension reads; vsce adds package.json, and reads README, CHANGELOG and LICENSE itself. */
export const VSIX_FILES = [
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'dist/extension.js',
  'dist/server.js',
  'dist/diagram.js',
  'dist/tree-sitter.wasm',
  'dist/tree-sitter-python.wasm',
  'dist/prisma_schema_build_bg.wasm',
  'images/icon.png',
  'media',
  'syntaxes',
  'snippets',
  'schemas',
];

/** Keys only npm reads: the CLI package's entry point and contents. */
const NPM_ONLY_KEYS = ['bin', 'files'];

const run = (cmd, args, cwd) => {
  // stdin closed: a question from vsce must fail the packaging, never wait for an answer.
  const result = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('npm', ['run', '--silent', 'build'], root);

const stage = mkdtempSync(join(tmpdir(), 'stackscope-vsix-'));
try {
  for (const path of VSIX_FILES) {
    mkdirSync(dirname(join(stage, path)), { recursive: true });
    cpSync(join(root, path), join(stage, path), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const key of NPM_ONLY_KEYS) delete manifest[key];
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  // The folder holds nothing else; an ignore file says so to vsce, which warns without one.
  writeFileSync(join(stage, '.vscodeignore'), '# the staging folder holds only what ships\n');
  // Relative links and images in the README become links into the repository (package.json's
  // `repository`), so they work on the marketplace page, which has no copy of the repository.
  const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsixPath], stage);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
