// `--changed-since REF`: the files git says changed since REF (committed, staged, unstaged, or new and not
// ignored), for a pull-request check that reports only what the change touches, analysed with the whole
// project's model.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export function changedFiles(dir: string, ref: string): Set<string> {
  const git = (...args: string[]) => {
    const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    if (result.error) throw new Error(`--changed-since needs git: ${result.error.message}`);
    if (result.status !== 0) throw new Error(`--changed-since ${ref}: ${result.stderr.trim() || `git ${args[0]} failed`}`);
    return result.stdout.split('\n').filter(Boolean);
  };
  // Both listings relative to `dir`, as the analysis names files: `--relative` also keeps to `dir`.
  const changed = git('diff', '--name-only', '--relative', ref, '--').map((file) => resolve(dir, file));
  const untracked = git('ls-files', '--others', '--exclude-standard').map((file) => resolve(dir, file));
  return new Set([...changed, ...untracked]);
}
