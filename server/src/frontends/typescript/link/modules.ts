// Relative imports between the project's own files, resolved against the files the model knows.
import { dirname, join } from 'node:path';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** The project file a relative import names: `./session`, `./session.js` (for session.ts), `./setup` (for setup/index.ts). */
export function resolveModule(from: string, module: string, files: ReadonlyMap<string, unknown>): string | undefined {
  if (!module.startsWith('.')) return undefined;
  const base = join(dirname(from), module);
  const stem = base.replace(/\.[cm]?js$/, '');
  const candidates = [
    base,
    ...EXTENSIONS.map((extension) => stem + extension),
    ...EXTENSIONS.map((extension) => join(base, `index${extension}`)),
  ];
  return candidates.find((candidate) => files.has(candidate));
}
