// The .vsix is what users install: it must hold the manifest, the bundles the extension runs and
// the files the manifest names, and nothing else — not the CLI's bundle (the npm package's), the
// README's screenshots or the sources. A .vsix is a zip; JSZip reads it in memory. Its README is
// the marketplace page, which has no copy of the repository: its links and images must point into
// the repository, at files it tracks.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { ensureVsix } from '../e2e/support/vsix';

const root = join(__dirname, '..', '..');
const MAX_BYTES = 10 * 1024 * 1024;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  repository: { url: string };
  bugs: { url: string };
  homepage: string;
};
const REPOSITORY = 'https://github.com/stackscope/stackscope';

let vsix: string;
let zip: JSZip;
let names: string[];

before(
  async () => {
    vsix = await ensureVsix();
    zip = await JSZip.loadAsync(readFileSync(vsix));
    names = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
  },
  { timeout: 360_000 },
);

describe('the packaged extension', () => {
  it('names its repository, so packaging asks nothing and the marketplace links to it', () => {
    assert.equal(manifest.repository.url, `${REPOSITORY}.git`);
    assert.equal(manifest.bugs.url, `${REPOSITORY}/issues`);
    assert.ok(manifest.homepage.startsWith(REPOSITORY));
  });

  it('holds the bundles the extension runs, and of images only the icon', async () => {
    const manifestFile = zip.file('extension/package.json');
    assert.ok(manifestFile, 'extension/package.json is missing from the .vsix');
    const packaged = JSON.parse(await manifestFile.async('string')) as { main?: string; bin?: unknown; files?: unknown };
    assert.equal(packaged.main, './dist/extension.js');
    // The npm package's keys: the .vsix has no CLI.
    assert.equal(packaged.bin, undefined);
    assert.equal(packaged.files, undefined);

    const dist = names.filter((name) => name.startsWith('extension/dist/')).sort();
    assert.deepEqual(
      dist,
      ['diagram.js', 'extension.js', 'prisma_schema_build_bg.wasm', 'server.js', 'tree-sitter-python.wasm', 'tree-sitter.wasm'].map(
        (n) => `extension/dist/${n}`,
      ),
    );
    for (const bundle of dist) assert.ok((await zip.file(bundle)!.async('uint8array')).length > 0, `${bundle} is empty`);
    assert.deepEqual(
      names.filter((name) => name.startsWith('extension/images/')),
      ['extension/images/icon.png'],
    );
  });

  it('holds every file the manifest names and nothing from the source tree', async () => {
    const text = await zip.file('extension/package.json')!.async('string');
    const referenced = [...text.matchAll(/"(?:path|markdown|icon|image)":\s*"\.?\/?((?:media|syntaxes|snippets|images)\/[^"]+)"/g)].map(
      (m) => m[1],
    );
    assert.ok(
      referenced.some((path) => path.startsWith('media/walkthrough/')),
      'the manifest names no walkthrough page',
    );
    for (const path of referenced)
      assert.ok(zip.file(`extension/${path}`), `extension/${path} is named by the manifest but missing from the .vsix`);
    // The schema VS Code checks stackscope.json with.
    const schemas = (JSON.parse(text) as { contributes: { jsonValidation: { url: string }[] } }).contributes.jsonValidation.map((v) =>
      v.url.replace(/^\.\//, ''),
    );
    assert.ok(schemas.length > 0);
    for (const path of schemas) assert.ok(zip.file(`extension/${path}`), `extension/${path} is contributed but missing from the .vsix`);

    const unwanted = names.filter(
      (name) =>
        name.endsWith('.ts') ||
        /\.map$/.test(name) ||
        /^extension\/(test|examples|node_modules|bench|scripts|docs|\.e2e-cache|\.test-output|client|server)\//.test(name) ||
        /^extension\/(tsconfig\.json|package-lock\.json|\.git|\.ci)/.test(name) ||
        name.endsWith('.vsix'),
    );
    assert.deepEqual(unwanted, [], 'the .vsix ships files from the source tree');
    const size = statSync(vsix).size;
    assert.ok(size < MAX_BYTES, `the .vsix is ${(size / 1024 / 1024).toFixed(1)} MB, over 10 MB`);
  });

  it('has a README whose links and images point into the repository, at images it tracks', async () => {
    const readme = await zip.file('extension/readme.md')!.async('string');
    const targets = [...readme.matchAll(/\]\(([^)\s]+)[^)]*\)|<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    assert.ok(targets.length > 0);
    const local = targets.filter((target) => !/^(https:|mailto:|#)/.test(target));
    assert.deepEqual(local, [], 'links the marketplace page cannot follow');
    const tracked = new Set(execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n'));
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]);
    assert.ok(images.length > 0, 'the README shows no picture');
    for (const image of images) {
      const path = image.startsWith(`${REPOSITORY}/raw/HEAD/`) ? image.slice(`${REPOSITORY}/raw/HEAD/`.length) : undefined;
      assert.ok(path && tracked.has(path), `${image} is not an image the repository tracks`);
    }
  });
});
