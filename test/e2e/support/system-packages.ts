// Installs the Debian packages the run needs (a browser, the Kerberos headers a native module of
// code-server compiles against, and ripgrep to stand in for the binary code-server would download).
import { existsSync } from 'node:fs';
import { mustRun, runCommand } from './run-command';

/** Debian package -> a file that proves it is installed. */
const NEEDED: Record<string, string> = {
  chromium: '/usr/bin/chromium',
  'libkrb5-dev': '/usr/include/gssapi/gssapi.h',
  ripgrep: '/usr/bin/rg',
};

export const chromiumPath = NEEDED.chromium;
export const ripgrepPath = NEEDED.ripgrep;

export async function ensureSystemPackages(): Promise<void> {
  const missing = Object.keys(NEEDED).filter((name) => !existsSync(NEEDED[name]));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages ${missing.join(', ')}; install them as root: apt-get install -y ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = await runCommand('apt-get', ['update'], { env, timeoutMs: 180_000 });
  if (update.code !== 0) throw new Error(`apt-get update failed; cannot install ${missing.join(', ')}\n${update.stderr}`);
  await mustRun('apt-get', ['install', '-y', ...missing], { env, timeoutMs: 600_000 });
  const stillMissing = missing.filter((name) => !existsSync(NEEDED[name]));
  if (stillMissing.length > 0) throw new Error(`apt-get installed ${missing.join(', ')} but ${stillMissing.map((n) => NEEDED[n]).join(', ')} is still missing`);
}
