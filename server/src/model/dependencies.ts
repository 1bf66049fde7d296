// The version range a file's project declares for a package (the nearest package.json up the folder
// tree that lists it), and whether such a range can only install versions below a given one.
import { dirname, join } from 'node:path';
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

type Version = [number, number, number];

/**
 * Whether every version the npm range allows is below `limit`: `^0.5.0`, `~0.4.1`, `0.5.x`, `<0.6.0`,
 * `0.4.0 - 0.5.3`, `>=0.4 <0.6`, alternatives joined by `||`. Anything this cannot read (`*`, `latest`,
 * a git URL, `workspace:`) is not known to be below: false.
 */
export function onlyBelow(range: string, limit: Version): boolean {
  const alternatives = range.split('||').map((part) => part.trim());
  return alternatives.length > 0 && alternatives.every((alternative) => {
    const upper = upperBound(alternative);
    return upper !== undefined && compare(upper.version, limit) <= (upper.inclusive ? -1 : 0);
  });
}

/** The highest version an alternative allows: the lowest upper bound of its comparators. */
function upperBound(alternative: string): { version: Version; inclusive: boolean } | undefined {
  const hyphen = alternative.split(/\s+-\s+/);
  if (hyphen.length === 2) {
    const high = parse(hyphen[1]);
    return high ? partialUpper(high) : undefined;
  }
  let best: { version: Version; inclusive: boolean } | undefined;
  for (const comparator of alternative.split(/\s+/).filter(Boolean)) {
    const operator = /^(\^|~|<=|>=|<|>|=)?/.exec(comparator)![0];
    const version = parse(comparator.slice(operator.length));
    if (!version) return undefined;
    let bound: { version: Version; inclusive: boolean } | undefined;
    if (operator === '>' || operator === '>=') continue;
    if (operator === '<') bound = { version: fill(version), inclusive: false };
    else if (operator === '<=') bound = partialUpper(version);
    else if (operator === '^') bound = caretUpper(version);
    else if (operator === '~') bound = version.parts.length === 1 ? { version: [version.parts[0] + 1, 0, 0], inclusive: false } : { version: [version.parts[0], version.parts[1] + 1, 0], inclusive: false };
    else bound = partialUpper(version);
    if (!best || compare(bound.version, best.version) < 0 || (compare(bound.version, best.version) === 0 && !bound.inclusive)) best = bound;
  }
  return best;
}

interface Partial {
  /** The numbers given: `0.5` is [0, 5]; a wildcard ends the list. */
  parts: number[];
}

function parse(text: string): Partial | undefined {
  const match = /^v?(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:[-+][0-9A-Za-z.-]+)?$/.exec(text.trim());
  if (!match) return undefined;
  const parts: number[] = [];
  for (const part of match.slice(1)) {
    if (part === undefined || !/^\d+$/.test(part)) break;
    parts.push(Number(part));
  }
  return { parts };
}

function fill(version: Partial): Version {
  return [version.parts[0] ?? 0, version.parts[1] ?? 0, version.parts[2] ?? 0];
}

/** `0.5.3` allows up to 0.5.3; `0.5` (or `0.5.x`) up to, not including, 0.6.0. */
function partialUpper(version: Partial): { version: Version; inclusive: boolean } {
  const [major, minor = 0, patch = 0] = version.parts;
  if (version.parts.length === 3) return { version: [major, minor, patch], inclusive: true };
  if (version.parts.length === 2) return { version: [major, minor + 1, 0], inclusive: false };
  return { version: [major + 1, 0, 0], inclusive: false };
}

/** `^1.2.3` < 2.0.0, `^0.5.1` < 0.6.0, `^0.0.3` < 0.0.4 (the first non-zero part is kept). */
function caretUpper(version: Partial): { version: Version; inclusive: boolean } {
  const [major, minor, patch] = version.parts;
  if (major > 0 || minor === undefined) return { version: [major + 1, 0, 0], inclusive: false };
  if (minor > 0 || patch === undefined) return { version: [0, minor + 1, 0], inclusive: false };
  return { version: [0, 0, patch + 1], inclusive: false };
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
