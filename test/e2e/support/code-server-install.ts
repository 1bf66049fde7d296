// Installs code-server from the npm registry into the repository's .e2e-cache folder, once.
// 4.100.3 is the newest release whose engines accept Node 20. Its VS Code dependency
// @vscode/ripgrep downloads a binary from GitHub in its postinstall, which these machines cannot
// reach; that script first looks for the archive in a cache folder under the temp dir, so the
// archive is made from Debian's rg and put there beforehand.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './paths';
import { mustRun } from '../../support/run-command';
import { timedStep } from '../../support/step-log';
import { ripgrepPath } from './system-packages';

export const CODE_SERVER_VERSION = '4.100.3';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const installDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const doneMarker = join(installDir, 'install-complete');
export const codeServerEntry = join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Returns the path of code-server's entry script, installing it first when needed. */
export async function ensureCodeServer(): Promise<string> {
  if (existsSync(doneMarker) && existsSync(codeServerEntry)) return codeServerEntry;
  return timedStep(
    `Installing code-server ${CODE_SERVER_VERSION} into .e2e-cache/ from the npm registry`,
    'once; about 2 min and 300 MB',
    install,
  );
}

async function install(): Promise<string> {
  // A half-finished install (interrupted run) is not worth repairing.
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  writeFileSync(join(installDir, 'package.json'), JSON.stringify({ private: true }) + '\n');

  const tmpDir = join(installDir, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TMPDIR: tmpDir,
    // A native module's postinstall runs `npx node-gyp`, which a user npmrc with yes=false refuses.
    npm_config_yes: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };

  const tarball = await packCodeServer(installDir, env);
  await seedRipgrepCache(tarball, tmpDir);

  const args = ['install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`];
  if (process.getuid?.() === 0) args.push('--unsafe-perm');
  try {
    await mustRun('npm', args, { cwd: installDir, env, timeoutMs: 900_000, echo: true });
  } catch (error) {
    throw new Error(`could not install code-server ${CODE_SERVER_VERSION} into ${installDir}: ${(error as Error).message}`);
  }
  if (!existsSync(codeServerEntry)) throw new Error(`npm installed code-server but ${codeServerEntry} is missing`);
  await mustRun(process.execPath, [codeServerEntry, '--version'], { env, timeoutMs: 60_000 });
  rmSync(tarball, { force: true });
  rmSync(tmpDir, { recursive: true, force: true });
  writeFileSync(doneMarker, `${new Date().toISOString()}\n`);
  return codeServerEntry;
}

/** Fetches the package tarball (it lands in npm's cache, so the install reuses it). */
async function packCodeServer(dir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const out = await mustRun('npm', ['pack', `code-server@${CODE_SERVER_VERSION}`, '--silent'], { cwd: dir, env, timeoutMs: 300_000 });
  const name = out.trim().split('\n').pop()!.trim();
  const tarball = join(dir, name);
  if (!existsSync(tarball)) throw new Error(`npm pack code-server@${CODE_SERVER_VERSION} did not produce ${tarball}`);
  return tarball;
}

/** The cache folder's name carries @vscode/ripgrep's exact version, read from VS Code's shrinkwrap. */
async function seedRipgrepCache(tarball: string, tmpDir: string): Promise<void> {
  const shrinkwrap = await mustRun('tar', ['-xzOf', tarball, 'package/lib/vscode/npm-shrinkwrap.json'], { timeoutMs: 60_000 });
  const packages = (JSON.parse(shrinkwrap) as { packages?: Record<string, { version?: string }> }).packages ?? {};
  const version = packages['node_modules/@vscode/ripgrep']?.version;
  if (!version) throw new Error(`cannot find @vscode/ripgrep in code-server ${CODE_SERVER_VERSION}'s npm-shrinkwrap.json`);
  const ripgrepCache = join(tmpDir, `vscode-ripgrep-cache-${version}`);
  mkdirSync(ripgrepCache, { recursive: true });
  await mustRun('tar', ['-czf', join(ripgrepCache, RIPGREP_ASSET), '-C', join(ripgrepPath, '..'), 'rg'], { timeoutMs: 60_000 });
  const listing = await mustRun('tar', ['-tzf', join(ripgrepCache, RIPGREP_ASSET)], { timeoutMs: 10_000 });
  if (listing.trim() !== 'rg') throw new Error(`unexpected ripgrep archive contents: ${listing}`);
}

/** Exposed so a failing run can say which install it used. */
export function codeServerInstallInfo(): string {
  return existsSync(doneMarker)
    ? `code-server ${CODE_SERVER_VERSION} installed ${readFileSync(doneMarker, 'utf8').trim()}`
    : 'code-server not installed';
}
