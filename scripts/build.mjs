// Bundles the entry points (extension client, language server, CLI, diagram webview) into dist/
// and copies the wasm files loaded at run time: tree-sitter's (Python frontend) and Prisma's schema engine.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });

copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), join(dist, 'tree-sitter.wasm'));
copyFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'), join(dist, 'tree-sitter-python.wasm'));
// Prisma's schema engine reads `${__dirname}/prisma_schema_build_bg.wasm`: bundled, __dirname is dist/.
copyFileSync(
  join(dirname(require.resolve('@prisma/prisma-schema-wasm')), 'prisma_schema_build_bg.wasm'),
  join(dist, 'prisma_schema_build_bg.wasm'),
);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // TypeScript's compiler (through ts-morph) is most of the bundle; minified, the .vsix stays small.
  minify: !watch,
  logLevel: 'warning',
  absWorkingDir: root,
  // web-tree-sitter's ESM build locates itself through import.meta.url, which a CommonJS bundle lacks.
  alias: {
    'web-tree-sitter': require.resolve('web-tree-sitter'),
    // prisma-ast would search the disk for a config file and require() it: see no-config.ts.
    lilconfig: './server/src/frontends/prisma/no-config.ts',
  },
};

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: dist, external: ['vscode'] },
  // parse-floor: the benchmark's baseline, bundled like the CLI so the two are measured alike (never packaged).
  {
    ...common,
    entryPoints: { server: 'server/src/server.ts', cli: 'server/src/cli.ts', 'parse-floor': 'bench/speed/parse-floor.ts' },
    outdir: dist,
  },
  // The diagram webview's script runs in the browser, with cytoscape bundled in: nothing is fetched at run time.
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    alias: {},
    entryPoints: { diagram: 'client/src/diagram/webview/main.ts' },
    outdir: dist,
  },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('watching for changes…');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
