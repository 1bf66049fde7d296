import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { toPosix } from '../model/paths';
import picomatch from 'picomatch';
import { frontendFor } from '../frontends';

/** Folders that never hold the project's own code. */
const SKIPPED_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv', 'env', '.env', '.tox', '.nox',
  'site-packages', 'dist', 'build', 'out', '.next', '.nuxt', 'coverage', '.mypy_cache', '.pytest_cache',
  '.ruff_cache', '.idea', '.vscode-test', '.e2e-cache',
]);

/** Files larger than this are generated or vendored; parsing them would stall the editor. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type ExcludeMatcher = (relativePath: string) => boolean;

export function excludeMatcher(patterns: readonly string[]): ExcludeMatcher {
  if (patterns.length === 0) return () => false;
  const match = picomatch(patterns.map((p) => p.replace(/\\/g, '/')), { dot: true });
  // A pattern like `legacy` or `legacy/**` should exclude the folder and everything in it.
  return (relativePath) => {
    const parts = relativePath.split('/');
    for (let i = 1; i <= parts.length; i++) {
      if (match(parts.slice(0, i).join('/'))) return true;
    }
    return false;
  };
}

/** Every file under `root` that some frontend reads, skipping vendored, generated and excluded folders. */
export function discoverFiles(root: string, isExcluded: ExcludeMatcher): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: skip it, keep the rest
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

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Reads a source file as UTF-8, refusing what is not text a person wrote. */
export function readSource(file: string): ReadResult {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    return { ok: false, reason: `cannot read: ${(error as Error).message}` };
  }
  if (size > MAX_FILE_BYTES) {
    return { ok: false, reason: `skipped: ${(size / 1024 / 1024).toFixed(1)} MB is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB limit` };
  }
  return decodeSource(readFileSync(file));
}

export function decodeSource(bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, reason: `skipped: larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB limit` };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'skipped: binary file (contains NUL bytes)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'skipped: not valid UTF-8' };
  }
}

/** The same size check for text that arrives from the editor rather than from disk. */
export function checkText(text: string): ReadResult {
  if (text.length > MAX_FILE_BYTES) return { ok: false, reason: `skipped: larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB limit` };
  if (text.includes('\0')) return { ok: false, reason: 'skipped: binary content (contains NUL characters)' };
  return { ok: true, text };
}
