import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { toPosix } from '../model/paths';
import picomatch from 'picomatch';
import { frontendFor } from '../frontends';
import { decodeSource, type Decoded, MAX_FILE_BYTES } from './decode';

/** Folders that never hold the project's own code. */
const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  '__pycache__',
  '.venv',
  'venv',
  'env',
  '.env',
  '.tox',
  '.nox',
  'site-packages',
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  'coverage',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.idea',
  '.vscode-test',
  '.e2e-cache',
]);

export type ExcludeMatcher = (relativePath: string) => boolean;

/**
 * Why a glob pattern cannot be used, or undefined when it can. An empty one, easy to add in a settings editor, matches
 * nothing (and picomatch throws on it).
 */
export function globProblem(pattern: string): string | undefined {
  if (pattern === '') return 'an empty pattern matches nothing';
  try {
    picomatch(pattern.replace(/\\/g, '/'));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Excludes from glob patterns; a pattern that cannot be compiled is left out (the config reports it), never thrown. */
export function excludeMatcher(patterns: readonly string[]): ExcludeMatcher {
  const usable = patterns.filter((pattern) => globProblem(pattern) === undefined);
  if (usable.length === 0) return () => false;
  const match = picomatch(
    usable.map((p) => p.replace(/\\/g, '/')),
    { dot: true },
  );
  // A pattern like `legacy` or `legacy/**` should exclude the folder and everything in it.
  return (relativePath) => {
    const parts = relativePath.split('/');
    for (let i = 1; i <= parts.length; i++) {
      if (match(parts.slice(0, i).join('/'))) return true;
    }
    return false;
  };
}

/**
 * Every file under `root` that some frontend reads, skipping vendored, generated and excluded folders.
 * Symbolic links are not followed (see links.ts): an entry that is a link is neither a file nor a folder here.
 */
export function discoverFiles(root: string, isExcluded: ExcludeMatcher, onUnreadable?: (dir: string, reason: string) => void): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      onUnreadable?.(dir, (error as Error).message); // an unreadable folder: say so, keep the rest
      return;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const rel = toPosix(relative(root, full));
      if (isExcluded(rel)) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full);
      } else if (entry.isFile() && frontendFor(full)) {
        found.push(full);
      }
    }
  };
  walk(root);
  return found.sort();
}

/** Reads and decodes a source file; any failure (permissions, a file gone since the scan) is a reason, never a throw. */
export function readSource(file: string): Decoded {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      return {
        ok: false,
        skip: {
          kind: 'too large',
          reason: `${(size / 1024 / 1024).toFixed(1)} MB is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB limit`,
        },
      };
    }
    bytes = readFileSync(file);
  } catch (error) {
    return { ok: false, skip: { kind: 'unreadable', reason: `cannot read: ${(error as Error).message}` } };
  }
  const frontend = frontendFor(file);
  return decodeSource(bytes, frontend?.declaredEncoding?.bind(frontend));
}
