// The other conditions on what users read: no message over 400 characters, and no root cause
// reported more than once. A repeat is approximated from the findings' places: the same check on the
// same line, or the same check explained by the same queryset, loop or query (its first related place).
import type { Reported } from './findings';
import { byPlace } from './ledger';

export const MAX_MESSAGE = 400;

export function longMessages(reported: readonly Reported[]): Reported[] {
  return reported.filter((f) => f.message.length > MAX_MESSAGE).sort((a, b) => b.message.length - a.message.length);
}

/** Groups of two or more findings that look like one root cause, largest first. */
export function repeatedRootCauses(reported: readonly Reported[]): Reported[][] {
  // Union-find over the two keys, so a finding sharing a line with one and a queryset with another
  // lands in one group with both.
  const parent = reported.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const firstWithKey = new Map<string, number>();
  reported.forEach((f, i) => {
    const keys = [`${f.check}|${f.file}:${f.line}`];
    if (f.related[0]) keys.push(`${f.check}|related ${f.related[0].file}:${f.related[0].line}`);
    for (const key of keys) {
      const first = firstWithKey.get(key);
      if (first === undefined) firstWithKey.set(key, i);
      else parent[find(i)] = find(first);
    }
  });
  const groups = new Map<number, Reported[]>();
  reported.forEach((f, i) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(f);
  });
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => group.sort(byPlace))
    .sort((a, b) => b.length - a.length || byPlace(a[0], b[0]));
}
