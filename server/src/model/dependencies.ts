// The version range a file's project declares for a package (the nearest package.json up the folder
// tree that lists it), and whether such a range can only install versions below a given one.
import { dirname, join } from 'node:path';
import { minVersion, Range, subset } from 'semver';
import type { FileFacts, ProjectModel } from './types';

export interface DeclaredRange {
  range: string;
  /** The package.json that declares it. */
  manifest: string;
}

export function declaredRange(model: ProjectModel, file: string, pkg: string): DeclaredRange | undefined {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    const facts: FileFacts | undefined = model.files.get(manifest);
    const range = facts?.dependencies?.[pkg];
    if (range !== undefined) return { range, manifest };
    if (dir === model.root || dirname(dir) === dir || !dir.startsWith(model.root)) return undefined;
  }
}

/**
 * Whether every version the npm range allows is below `limit` (`^0.5.0`, `<0.6`, `0.4.0 - 0.5.3`,
 * alternatives joined by `||`), read by npm's own `semver`. A range it cannot read (`latest`, a git
 * URL, `workspace:`) or one that allows anything (`*`) is not known to be below: false.
 */
export function onlyBelow(range: string, limit: string): boolean {
  let parsed: Range;
  try {
    parsed = new Range(range);
  } catch {
    return false;
  }
  // Each alternative on its own: npm may install from any of them.
  return parsed.set.every((comparators) => {
    const alternative = comparators.map((comparator) => comparator.value).join(' ') || '*';
    const lowest = minVersion(alternative);
    // A prerelease of the limit itself (0.6.0-beta.1) sorts below it but already ships what it fixed.
    return subset(alternative, `<${limit}`) && !(lowest && lowest.prerelease.length > 0 && lowest.compareMain(limit) === 0);
  });
}
