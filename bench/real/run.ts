// `npm run real -- NAME [DIR]`, `npm run real -- --all`: runs the engine on pinned real projects and
// compares what it reports with their triage ledgers (see README.md here). A benchmark to run by hand
// on every change to a rule; never part of `npm test` (it needs the projects' snapshots).
// Exit status 0 whatever the figures; 2 when the run itself cannot be made.
import { join, relative } from 'node:path';
import { compare } from './compare';
import { longMessages, repeatedRootCauses } from './conditions';
import { analyseProject } from './findings';
import { type LedgerEntry, MESSAGE_START, readLedger, writeLedger } from './ledger';
import { type ProjectResult, projectText, summaryJson, summaryText } from './report';
import { checkoutsDir, commitMismatch, fromUserDir, hasCheckout, howToCheckout, ledgerPath, loadRepos, type Repo } from './repos';

const USAGE = `Usage: npm run real -- NAME [DIR] [--json] [--write-new]
       npm run real -- --all [--json] [--write-new]
DIR defaults to $STACKSCOPE_REAL_CHECKOUTS/NAME, else bench/real/checkouts/NAME.
--all        every project of bench/real/repos.json that has a snapshot there
--json       a machine-readable summary instead of the text report
--write-new  appends findings the ledger lacks, as "verdict": null, for a person to judge`;

interface Options {
  all: boolean;
  json: boolean;
  writeNew: boolean;
  name?: string;
  dir?: string;
}

class UsageError extends Error {}

function parse(argv: readonly string[]): Options {
  const options: Options = { all: false, json: false, writeNew: false };
  const positional: string[] = [];
  for (const arg of argv) {
    if (arg === '--all') options.all = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--write-new') options.writeNew = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (options.all ? positional.length > 0 : positional.length < 1 || positional.length > 2)
    throw new UsageError(options.all ? '--all takes no NAME or DIR' : 'one NAME, and at most one DIR');
  [options.name, options.dir] = positional;
  return options;
}

async function runProject(repo: Repo, dir: string, writeNew: boolean): Promise<ProjectResult> {
  const reported = await analyseProject(dir);
  const ledger = readLedger(ledgerPath(repo), repo.name);
  const comparison = compare(reported, ledger.entries);
  if (writeNew && comparison.added.length) {
    ledger.entries.push(...comparison.added.map(newEntry));
    writeLedger(ledgerPath(repo), ledger);
    process.stderr.write(
      `${repo.name}: ${comparison.added.length} new entries to judge, in ${relative(process.cwd(), ledgerPath(repo))}\n`,
    );
  }
  return { repo, dir, reported, comparison, longMessages: longMessages(reported), repeats: repeatedRootCauses(reported) };
}

function newEntry(f: ProjectResult['reported'][number]): LedgerEntry {
  return {
    fingerprint: f.fingerprint,
    rule: f.rule,
    check: f.check,
    file: f.file,
    symbol: f.symbol,
    line: f.line,
    message: f.message.slice(0, MESSAGE_START),
    verdict: null,
    reason: '',
  };
}

async function main(argv: readonly string[]): Promise<number> {
  let options: Options;
  try {
    options = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  const repos = loadRepos();
  const chosen = options.all ? repos : repos.filter((repo) => repo.name === options.name);
  if (chosen.length === 0) {
    process.stderr.write(`no project "${options.name}" in bench/real/repos.json (${repos.map((r) => r.name).join(', ')})\n`);
    return 2;
  }
  const results: ProjectResult[] = [];
  const skipped: { name: string; reason: string }[] = [];
  for (const repo of chosen) {
    const dir = options.dir ? fromUserDir(options.dir) : join(checkoutsDir(), repo.name);
    if (!hasCheckout(dir)) {
      skipped.push({ name: repo.name, reason: howToCheckout(repo, dir) });
      process.stderr.write(howToCheckout(repo, dir) + '\n');
      continue;
    }
    const mismatch = commitMismatch(repo, dir);
    if (mismatch) process.stderr.write(`warning: ${mismatch}\n`);
    const result = await runProject(repo, dir, options.writeNew);
    results.push(result);
    if (!options.json) process.stdout.write(projectText(result) + '\n');
  }
  if (options.json) process.stdout.write(JSON.stringify(summaryJson(results, skipped), null, 2) + '\n');
  else if (options.all) process.stdout.write(summaryText(results));
  // One named project without a snapshot: nothing was measured, which a script must not take for a pass.
  return options.all || results.length > 0 ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`real: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 2;
  },
);
