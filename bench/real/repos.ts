// The pinned projects (repos.json) and where their snapshots are on this machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export interface Repo {
  name: string;
  /** `owner/name` on GitHub. */
  repository: string;
  commit: string;
  stack: 'django' | 'typescript';
  /** The rules whose ledger counts for this project: their precision is held to the goal. */
  rules: string[];
}

export const HERE = __dirname;
export const LEDGERS = join(HERE, 'ledgers');

/** Paths a person typed are relative to where they typed them; `npm run` moves to the package root first. */
export const fromUserDir = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

/** Where snapshots are looked for: `$STACKSCOPE_REAL_CHECKOUTS/NAME`, else `bench/real/checkouts/NAME` (gitignored). */
export function checkoutsDir(): string {
  const configured = process.env.STACKSCOPE_REAL_CHECKOUTS;
  return configured ? fromUserDir(configured) : join(HERE, 'checkouts');
}

export function loadRepos(): Repo[] {
  return JSON.parse(readFileSync(join(HERE, 'repos.json'), 'utf8')) as Repo[];
}

export const ledgerPath = (repo: Repo) => join(LEDGERS, `${repo.name}.json`);

export const hasCheckout = (dir: string) => existsSync(dir) && statSync(dir).isDirectory();

/** How to put the pinned snapshot where the benchmark looks for it. */
export function howToCheckout(repo: Repo, dir: string): string {
  const shown = relative(process.cwd(), dir) || '.';
  return [
    `no snapshot of ${repo.name} at ${shown}. Get the pinned commit with:`,
    `  git clone https://github.com/${repo.repository}.git ${shown}`,
    `  git -C ${shown} checkout ${repo.commit}`,
    `(or point STACKSCOPE_REAL_CHECKOUTS at a folder holding one snapshot per project name, or pass DIR)`,
  ].join('\n');
}

/** A warning when DIR is a git checkout of another commit than the ledger was judged on; nothing otherwise. */
export function commitMismatch(repo: Repo, dir: string): string | undefined {
  if (!existsSync(join(dir, '.git'))) return undefined;
  const head = spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  const commit = head.status === 0 ? head.stdout.trim() : undefined;
  return commit && commit !== repo.commit
    ? `${repo.name}: ${dir} is at ${commit.slice(0, 12)}, the ledger was judged on ${repo.commit.slice(0, 12)}`
    : undefined;
}
