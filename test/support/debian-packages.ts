// The Debian packages some suites need, how to tell each is there, and their installation: checked
// before any test runs, so a machine that cannot provide them fails at once with what to do, not
// after minutes of other tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mustRun, runCommand } from './run-command';
import { say, timedStep } from './step-log';

interface DebianPackage {
  /** Whether it is installed. */
  present: () => boolean;
  /** What needs it, for the message that asks for it. */
  why: string;
}

/** Debian's interpreter: python3-django installs into its dist-packages, not into other Pythons on PATH. */
export const PYTHON = '/usr/bin/python3';
export const CHROMIUM = '/usr/bin/chromium';
export const RIPGREP = '/usr/bin/rg';

const PACKAGES = {
  'python3-django': {
    present: () => spawnSync(PYTHON, ['-c', 'import django'], { encoding: 'utf8' }).status === 0,
    why: "Django's own `check --deploy`, compared with Stackscope's findings (integration)",
  },
  chromium: { present: () => existsSync(CHROMIUM), why: 'the browser that drives VS Code (end to end)' },
  'libkrb5-dev': {
    present: () => existsSync('/usr/include/gssapi/gssapi.h'),
    why: 'headers a native module of code-server compiles against (end to end)',
  },
  ripgrep: { present: () => existsSync(RIPGREP), why: 'stands in for the ripgrep code-server would download from GitHub (end to end)' },
} satisfies Record<string, DebianPackage>;

export type PackageName = keyof typeof PACKAGES;

export const SUITE_PACKAGES: Record<string, PackageName[]> = {
  unit: [],
  integration: ['python3-django'],
  e2e: ['chromium', 'libkrb5-dev', 'ripgrep'],
};

export function missingPackages(names: readonly PackageName[]): PackageName[] {
  return names.filter((name) => !PACKAGES[name].present());
}

/** Why the missing packages cannot be installed here, with what to do instead; undefined when they can. */
export function cannotInstall(missing: readonly PackageName[]): string | undefined {
  if (missing.length === 0) return undefined;
  const list = missing.map((name) => `  ${name}: ${PACKAGES[name].why}`).join('\n');
  if (!existsSync('/usr/bin/apt-get')) {
    return (
      `These tests need Debian packages, and this machine has no apt-get (Debian or Ubuntu):\n${list}\n` +
      'Run them on Debian or Ubuntu, or run `npm run test:unit` here.'
    );
  }
  if (!asRoot()) {
    return (
      `These tests need Debian packages that are not installed, and installing them needs root (or sudo without a password):\n${list}\n` +
      `Install them once: sudo apt-get install -y ${missing.join(' ')}`
    );
  }
  return undefined;
}

/** How to run apt-get as root here: directly, through `sudo -n`, or not at all. */
function asRoot(): string[] | undefined {
  if (process.getuid?.() === 0) return [];
  return spawnSync('sudo', ['-n', 'true']).status === 0 ? ['sudo', '-n'] : undefined;
}

/** Installs what is missing of `names` with apt-get, showing its output; throws with the reason when it cannot. */
export async function ensurePackages(names: readonly PackageName[], echo = false): Promise<void> {
  const missing = missingPackages(names);
  if (missing.length === 0) return;
  const problem = cannotInstall(missing);
  if (problem) throw new Error(problem);
  const [cmd, ...prefix] = [...asRoot()!, 'apt-get'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await timedStep(`Installing Debian packages ${missing.join(', ')}`, 'about 1 min', async () => {
    const update = await runCommand(cmd, [...prefix, 'update'], { env, timeoutMs: 180_000, echo });
    if (update.code !== 0) throw new Error(`apt-get update failed; cannot install ${missing.join(', ')}\n${update.stderr}`);
    // Another apt-get (a second test run, the system's updates) may hold the lock: wait for it.
    await mustRun(cmd, [...prefix, '-o', 'DPkg::Lock::Timeout=300', 'install', '-y', ...missing], { env, timeoutMs: 600_000, echo });
  });
  const still = missingPackages(missing);
  if (still.length > 0) throw new Error(`apt-get installed ${missing.join(', ')} but ${still.join(', ')} still cannot be found`);
  if (echo) say(`  installed ${missing.join(', ')}`);
}
