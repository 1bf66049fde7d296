// Where the end-to-end run keeps its installs and its evidence, relative to the repository root,
// so every helper agrees without passing folders around.
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..', '..');
export const cacheDir = join(repoRoot, '.e2e-cache');
export const outputDir = join(repoRoot, '.test-output', 'e2e');
export const imagesDir = join(repoRoot, 'images');
export const examplesDir = join(repoRoot, 'examples');
export const distDir = join(repoRoot, 'dist');
export const vsixPath = join(distDir, 'stackscope.vsix');
