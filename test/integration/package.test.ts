// The .vsix is what users install: it must hold the manifest, the three bundles and the wasm
// grammars, and nothing from the source tree. A .vsix is a zip; JSZip reads it in memory.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { test } from 'node:test';
import JSZip from 'jszip';
import { ensureVsix } from '../e2e/support/vsix';

const MAX_BYTES = 10 * 1024 * 1024;

test('the packaged extension holds the bundles and no sources', { timeout: 360_000 }, async () => {
  const vsix = await ensureVsix();
  const zip = await JSZip.loadAsync(readFileSync(vsix));
  const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir);

  const manifestFile = zip.file('extension/package.json');
  assert.ok(manifestFile, 'extension/package.json is missing from the .vsix');
  const manifest = JSON.parse(await manifestFile.async('string')) as { main?: string };
  assert.equal(manifest.main, './dist/extension.js');

  for (const bundle of ['extension.js', 'server.js', 'cli.js', 'tree-sitter.wasm', 'tree-sitter-python.wasm']) {
    const entry = zip.file(`extension/dist/${bundle}`);
    assert.ok(entry, `extension/dist/${bundle} is missing from the .vsix`);
    assert.ok((await entry.async('uint8array')).length > 0, `extension/dist/${bundle} is empty`);
  }

  // Every file the manifest points at (walkthrough pages, grammars, snippets, icons) must ship.
  const referenced = [...(await manifestFile.async('string')).matchAll(/"(?:path|markdown|icon|image)":\s*"\.?\/?((?:media|syntaxes|snippets|images)\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(referenced.some((path) => path.startsWith('media/walkthrough/')), 'the manifest names no walkthrough page');
  for (const path of referenced) assert.ok(zip.file(`extension/${path}`), `extension/${path} is named by the manifest but missing from the .vsix`);

  const unwanted = names.filter((name) =>
    name.endsWith('.ts')
    || /\.map$/.test(name)
    || /^extension\/(test|examples|node_modules|bench|scripts|\.e2e-cache|\.test-output|client\/src|server\/src)\//.test(name)
    || /^extension\/(tsconfig\.json|\.git)/.test(name)
    || name.endsWith('.vsix'));
  assert.deepEqual(unwanted, [], 'the .vsix ships files from the source tree');

  const size = statSync(vsix).size;
  assert.ok(size < MAX_BYTES, `the .vsix is ${(size / 1024 / 1024).toFixed(1)} MB, over 10 MB`);
});
