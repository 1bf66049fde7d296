// Produces dist/stackscope.vsix the way a release does (`npm run package`), or reuses it when it
// is newer than every bundle in dist/, so the packaging and end-to-end suites share one build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, repoRoot, vsixPath } from './paths';
import { runCommand, tail } from '../../support/run-command';

const BUNDLES = ['extension.js', 'server.js', 'cli.js'];

export function vsixIsFresh(): boolean {
  if (!existsSync(vsixPath)) return false;
  const built = statSync(vsixPath).mtimeMs;
  const bundles = readdirSync(distDir).filter((name) => name.endsWith('.js'));
  if (!BUNDLES.every((name) => bundles.includes(name))) return false;
  return bundles.every((name) => statSync(join(distDir, name)).mtimeMs < built);
}

export async function ensureVsix(): Promise<string> {
  if (vsixIsFresh()) return vsixPath;
  const result = await runCommand('npm', ['run', '--silent', 'package'], { cwd: repoRoot, timeoutMs: 300_000 });
  if (result.code !== 0 || !existsSync(vsixPath)) {
    throw new Error(`npm run package failed (exit ${result.code})\n${tail(result.stdout)}\n${tail(result.stderr)}`);
  }
  return vsixPath;
}
