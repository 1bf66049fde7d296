// One policy for symbolic links, wherever a path comes from (the scan, an open editor, a file-change
// event): a file is analysed only when it is reached from the workspace folder without following a
// link. The scan never follows one (a link's target inside the workspace is analysed at its own
// path; one outside is none of the workspace's business), and a fix must never edit a file outside.
import { realpathSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Whether `file` (inside `root`) is reached without a symbolic link; a path that does not exist yet counts by its folders. */
export function reachedWithoutLinks(root: string, file: string): boolean {
  const realRoot = realPath(root) ?? root;
  let existing = file;
  let real = realPath(existing);
  // A new or deleted file: judge the nearest folder that exists.
  while (real === undefined && existing !== dirname(existing) && existing.startsWith(root)) {
    existing = dirname(existing);
    real = realPath(existing);
  }
  if (real === undefined) return true;
  return real === join(realRoot, relative(root, existing));
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}
