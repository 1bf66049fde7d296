// What `npm run real` prints: a table per project and rule, then what a person has to read next.
import { byRuleOrder, type Comparison, judgedAtSamePlace, type RuleCounts } from './compare';
import { MAX_MESSAGE } from './conditions';
import type { Reported } from './findings';
import { byPlace, type LedgerEntry } from './ledger';
import type { Repo } from './repos';

export interface ProjectResult {
  repo: Repo;
  dir: string;
  reported: Reported[];
  comparison: Comparison;
  longMessages: Reported[];
  repeats: Reported[][];
}

/** The issue's goal for a rule: precision at least 0.9 with every finding judged. */
export const GOAL = 0.9;

const zero = (): RuleCounts => ({ findings: 0, true: 0, false: 0, debatable: 0, unjudged: 0 });

/** Every rule the project's ledger counts, in the documented order, then any other rule that reported. */
export function ruleRows(result: ProjectResult): [string, RuleCounts][] {
  const rules = [...new Set([...result.repo.rules, ...result.comparison.rules.keys()])].sort(byRuleOrder);
  return rules.map((rule) => [rule, result.comparison.rules.get(rule) ?? zero()]);
}

export function total(rows: readonly (readonly [string, RuleCounts])[]): RuleCounts {
  const sum = zero();
  for (const [, c] of rows) for (const key of ['findings', 'true', 'false', 'debatable', 'unjudged'] as const) sum[key] += c[key];
  sum.precision = sum.true + sum.false > 0 ? sum.true / (sum.true + sum.false) : undefined;
  return sum;
}

export const meetsGoal = (c: RuleCounts) => c.unjudged === 0 && (c.precision ?? 1) >= GOAL;

const precisionText = (c: RuleCounts) => (c.precision === undefined ? '–' : c.precision.toFixed(2));

const HEADER = ['findings', 'true', 'false', 'debatable', 'unjudged', 'precision'];

function tableLines(rows: readonly (readonly [string, RuleCounts, string?])[], first: string): string[] {
  const cells = rows.map(([label, c, goal]) => [
    label,
    ...[c.findings, c.true, c.false, c.debatable, c.unjudged].map(String),
    precisionText(c),
    goal ?? '',
  ]);
  const head = [first, ...HEADER, 'goal'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), ...cells.map(line)];
}

const where = (f: { file: string; line: number }) => `${f.file}:${f.line}`;
const shortened = (message: string) =>
  message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}… (${message.length} characters)` : message;
const LISTED_GROUPS = 20;

export function projectText(result: ProjectResult): string {
  const { repo, comparison } = result;
  const rows = ruleRows(result);
  const out = [`== ${repo.name}  ${repo.repository}@${repo.commit.slice(0, 12)}  ${result.dir}  (${result.reported.length} findings)`];
  out.push(
    ...tableLines(
      [
        ...rows.map(([rule, c]) => [rule, c, repo.rules.includes(rule) ? (meetsGoal(c) ? 'met' : 'not met') : ''] as const),
        ['total', total(rows)] as const,
      ],
      'rule',
    ),
  );
  out.push('', `New, unjudged findings: ${comparison.added.length}`);
  for (const f of sortByPlace(comparison.added)) {
    out.push(`  ${where(f)}  ${f.check}  ${f.symbol || '(top level)'}  ${shortened(f.message)}`);
    const before = judgedAtSamePlace(comparison, f);
    if (before) out.push(`      judged here before [${verdictText(before)}]: ${before.message}`);
  }
  const pending = comparison.matched.filter(({ entry }) => entry.verdict === null).length;
  if (pending) out.push(`Ledger entries still to judge ("verdict": null): ${pending}`);
  out.push(`Judged findings that disappeared: ${comparison.disappeared.length}`);
  for (const e of sortByPlace(comparison.disappeared))
    out.push(`  ${where(e)}  ${e.check}  ${e.symbol || '(top level)'}  [${verdictText(e)}]  ${e.message}`);
  out.push(`Messages over ${MAX_MESSAGE} characters: ${result.longMessages.length}`);
  for (const f of result.longMessages.slice(0, LISTED_GROUPS)) out.push(`  ${where(f)}  ${f.check}  ${f.message.length} characters`);
  const repeated = result.repeats.reduce((n, group) => n + group.length - 1, 0);
  out.push(`Root causes reported more than once: ${result.repeats.length} (${repeated} findings more than one per cause)`);
  for (const group of result.repeats.slice(0, LISTED_GROUPS)) {
    const places = group.slice(0, 4).map(where).join(', ');
    out.push(`  ${group.length}× ${group[0].check}  ${places}${group.length > 4 ? `, … ${group.length - 4} more` : ''}`);
  }
  if (result.repeats.length > LISTED_GROUPS) out.push(`  … ${result.repeats.length - LISTED_GROUPS} more groups`);
  return out.join('\n') + '\n';
}

/** `--all`: one table of every project and rule, the figures a change is judged by. */
export function summaryText(results: readonly ProjectResult[]): string {
  const rows: [string, RuleCounts, string][] = [];
  for (const result of results) {
    for (const [rule, c] of ruleRows(result))
      rows.push([`${result.repo.name}  ${rule}`, c, result.repo.rules.includes(rule) ? (meetsGoal(c) ? 'met' : 'not met') : '']);
  }
  return ['== all projects', ...tableLines(rows, 'project  rule')].join('\n') + '\n';
}

/** What names a finding in the JSON summary, whether reported now or judged in the ledger. */
function identity({ fingerprint, check, file, symbol, line, message }: Reported | LedgerEntry) {
  return { fingerprint, check, file, symbol, line, message };
}

export function summaryJson(results: readonly ProjectResult[], skipped: readonly { name: string; reason: string }[]) {
  return {
    goal: GOAL,
    projects: results.map((result) => ({
      name: result.repo.name,
      repository: result.repo.repository,
      commit: result.repo.commit,
      dir: result.dir,
      findings: result.reported.length,
      rules: Object.fromEntries(
        ruleRows(result).map(([rule, c]) => [rule, { ...c, precision: c.precision ?? null, goalMet: meetsGoal(c) }]),
      ),
      added: sortByPlace(result.comparison.added).map((f) => {
        const before = judgedAtSamePlace(result.comparison, f);
        return {
          ...identity(f),
          ...(before ? { judgedHereBefore: { fingerprint: before.fingerprint, verdict: before.verdict } } : {}),
        };
      }),
      disappeared: sortByPlace(result.comparison.disappeared).map((entry) => ({ ...identity(entry), verdict: entry.verdict })),
      longMessages: result.longMessages.map((f) => ({ check: f.check, file: f.file, line: f.line, length: f.message.length })),
      repeatedRootCauses: result.repeats.map((group) => group.map(({ check, file, line }) => ({ check, file, line }))),
    })),
    skipped,
  };
}

const verdictText = (entry: LedgerEntry) => (entry.verdict === null ? 'unjudged' : String(entry.verdict));

const sortByPlace = <T extends { file: string; line: number }>(items: readonly T[]): T[] => [...items].sort(byPlace);
