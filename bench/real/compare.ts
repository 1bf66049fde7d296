// What a run reports against what the ledger judged: counts per rule, findings nobody judged yet,
// and judged findings the run no longer reports.
import type { Reported } from './findings';
import type { LedgerEntry } from './ledger';

export interface RuleCounts {
  findings: number;
  true: number;
  false: number;
  debatable: number;
  unjudged: number;
  /** true / (true + false); undefined when nothing was judged true or false. */
  precision?: number;
}

export interface Comparison {
  matched: { finding: Reported; entry: LedgerEntry }[];
  /** Reported, with no entry in the ledger. */
  added: Reported[];
  /** Judged in the ledger, no longer reported. */
  disappeared: LedgerEntry[];
  rules: Map<string, RuleCounts>;
}

const RULE_ORDER = ['n-plus-one', 'missing-index', 'insecure-session', 'middleware-order'];

export function compare(reported: readonly Reported[], entries: readonly LedgerEntry[]): Comparison {
  const byFingerprint = new Map(entries.map((entry) => [entry.fingerprint, entry]));
  const used = new Set<LedgerEntry>();
  const result: Comparison = { matched: [], added: [], disappeared: [], rules: new Map() };
  for (const finding of reported) {
    const entry = byFingerprint.get(finding.fingerprint);
    if (entry && !used.has(entry)) {
      used.add(entry);
      result.matched.push({ finding, entry });
    } else result.added.push(finding);
  }
  result.disappeared = entries.filter((entry) => !used.has(entry) && entry.verdict !== null);
  result.rules = countByRule(result.matched, result.added);
  return result;
}

function countByRule(matched: Comparison['matched'], added: readonly Reported[]): Map<string, RuleCounts> {
  const rules = new Map<string, RuleCounts>();
  const counts = (rule: string) => {
    let found = rules.get(rule);
    if (!found) rules.set(rule, (found = { findings: 0, true: 0, false: 0, debatable: 0, unjudged: 0 }));
    return found;
  };
  for (const { finding, entry } of matched) {
    const c = counts(finding.rule);
    c.findings++;
    if (entry.verdict === true) c.true++;
    else if (entry.verdict === false) c.false++;
    else if (entry.verdict === 'debatable') c.debatable++;
    else c.unjudged++;
  }
  for (const finding of added) {
    const c = counts(finding.rule);
    c.findings++;
    c.unjudged++;
  }
  for (const c of rules.values()) c.precision = c.true + c.false > 0 ? c.true / (c.true + c.false) : undefined;
  return new Map([...rules].sort(([a], [b]) => byRuleOrder(a, b)));
}

/** Rules in the order they are documented; unknown ids after them. */
export function byRuleOrder(a: string, b: string): number {
  const rank = (rule: string) => (RULE_ORDER.includes(rule) ? RULE_ORDER.indexOf(rule) : RULE_ORDER.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/**
 * The judged entry that disappeared from the very place a new finding is at (same rule, file and
 * line): on a pinned snapshot, most likely the same finding with a reworded message, to re-judge.
 */
export function judgedAtSamePlace(comparison: Comparison, finding: Reported): LedgerEntry | undefined {
  return comparison.disappeared.find((entry) => entry.rule === finding.rule && entry.file === finding.file && entry.line === finding.line);
}
