import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { toPosix } from '../model/paths';
import { serializeModel } from '../model/serialize';
import type { Finding } from '../model/types';
import { CHECKS, checksSelected, RULES, ruleById } from '../rules';
import { checkMarkdown } from '../rules/check';
import { checkDocsUrl } from '../rules/docs';
import { Analyzer } from '../workspace/analyzer';
import { baselineEntries, inBaseline, readBaseline, writeBaseline } from '../workspace/baseline';
import { type Config, CONFIG_FILE, loadConfig } from '../workspace/config';
import { parseProblemLine, problemLine } from '../workspace/problem-lines';
import { leftOutLines } from '../workspace/left-out';
import { diskText, findingFingerprints } from '../workspace/fingerprints';
import { paced } from '../workspace/paced';
import { parseArgs, USAGE, UsageError, type CliArgs } from './args';
import { changedFiles } from './changed-files';
import { exitCode } from './exit-code';
import { findingsToJson } from './format-json';
import { findingsToSarif } from './format-sarif';
import { findingsToText, modelToText } from './format-text';
import { TerminalProgress } from './progress';
import { version as VERSION } from '../../../package.json';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal a person watches: only then does the CLI show its progress there. */
  stderrIsTerminal?: boolean;
}

/** Runs the CLI and returns its exit code: 0 clean, 1 findings at warning or above, 2 usage or internal error. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: CliArgs | 'help' | 'version';
  try {
    args = parseArgs(argv);
    if (args === 'help') {
      io.stdout(USAGE + '\n');
      return 0;
    }
    if (args === 'version') {
      io.stdout(VERSION + '\n');
      return 0;
    }
    for (const id of [...args.rules, ...(args.id ? [args.id] : [])]) {
      if (checksSelected(id).length === 0) throw new UsageError(`unknown rule or check "${id}" (\`stackscope rules\` lists them)`);
    }
    if (args.command === 'rules') {
      io.stdout(args.format === 'json' ? JSON.stringify(checksToJson(), null, 2) + '\n' : checksToText());
      return 0;
    }
    if (args.command === 'rule') {
      const rule = ruleById(args.id!);
      const pages = checksSelected(args.id!).map(checkMarkdown);
      io.stdout((rule ? [`# ${rule.id}\n\n${rule.summary}\n`, ...pages] : pages).join('\n'));
      return 0;
    }
    const dir = resolve(args.dir);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`"${args.dir}" is not a directory`);
    args = { ...args, dir };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`stackscope: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }

  const progress = io.stderrIsTerminal ? new TerminalProgress(io.stderr) : undefined;
  try {
    const { config, problems } = loadConfig(args.dir);
    if (problems.length > 0) {
      // A config that says something the CLI cannot do must fail the run, not go on with less.
      progress?.clear();
      for (const problem of problems) io.stderr(`${problemLine(problem, CONFIG_FILE)}\n`);
      io.stderr(
        `stackscope: ${CONFIG_FILE} has ${problems.length === 1 ? 'a mistake' : `${problems.length} mistakes`}; nothing was analysed\n`,
      );
      return 2;
    }
    // One line per file skipped or read with a warning, as it happens; a count after the run.
    const log = (message: string) => {
      progress?.clear();
      io.stderr(`stackscope: ${message}\n`);
    };
    const analyzer = new Analyzer(args.dir, { config, log, onlyRules: args.rules.length ? args.rules : undefined });
    progress?.report('finding files');
    await analyzer.scan({ onProgress: progress && paced((done, total) => progress.report('parsing', done, total)) });
    progress?.report('linking and checking');
    const analysed = analyzer.findings();
    progress?.clear();
    const skipped = analyzer.skippedSummary();
    if (skipped) io.stderr(`stackscope: ${skipped}\n`);
    for (const { file, problem } of analyzer.unanalysed()) io.stderr(`${parseProblemLine(problem, toPosix(relative(args.dir, file)))}\n`);
    for (const line of leftOutLines(analyzer)) io.stderr(`stackscope: ${line}\n`);

    if (args.command === 'model') {
      const json = serializeModel(analyzer.model(), analysed);
      io.stdout(args.format === 'json' ? JSON.stringify(json, null, 2) + '\n' : modelToText(json));
      return 0;
    }

    const all = sortFindings(analysed);
    const fingerprints = findingFingerprints(all, { root: args.dir, model: analyzer.model(), text: diskText });
    if (args.updateBaseline) {
      const path = resolve(args.updateBaseline);
      writeBaseline(path, baselineEntries(args.dir, all, fingerprints));
      io.stderr(`stackscope: wrote ${all.length} finding${all.length === 1 ? '' : 's'} to the baseline ${args.updateBaseline}\n`);
      return 0;
    }
    const findings = reported(all, args, config, fingerprints, io);
    if (args.format === 'json') io.stdout(JSON.stringify(findingsToJson(args.dir, findings, fingerprints), null, 2) + '\n');
    else if (args.format === 'sarif') {
      const checks = args.rules.length ? [...new Set(args.rules.flatMap(checksSelected))] : CHECKS;
      io.stdout(JSON.stringify(findingsToSarif(args.dir, findings, checks, VERSION, fingerprints), null, 2) + '\n');
    } else io.stdout(findingsToText(args.dir, findings));
    return exitCode(findings, args.failOn, args.maxWarnings);
  } catch (error) {
    if (error instanceof InputError) {
      progress?.clear();
      io.stderr(`stackscope: ${error.message}\n`);
      return 2;
    }
    progress?.clear();
    io.stderr(`stackscope: internal error: ${(error as Error).stack ?? error}\n`);
    return 2;
  }
}

/** A problem with what the user gave (a baseline file, a git ref): a sentence, and exit 2. */
class InputError extends Error {}

/**
 * The findings to report: those not in the baseline (`--baseline`, else stackscope.json's), in the files
 * changed since `--changed-since` when given. Says on stderr how many the baseline held.
 */
function reported(
  findings: readonly Finding[],
  args: CliArgs,
  config: Config,
  fingerprints: ReadonlyMap<Finding, string>,
  io: CliIo,
): Finding[] {
  let kept = [...findings];
  const baseline = args.baseline ? resolve(args.baseline) : config.baseline ? resolve(args.dir, config.baseline) : undefined;
  if (baseline) {
    let accepted: ReadonlySet<string>;
    try {
      accepted = readBaseline(baseline);
    } catch (error) {
      throw new InputError((error as Error).message);
    }
    const held = inBaseline(args.dir, kept, fingerprints, accepted);
    kept = kept.filter((f) => !held.has(f));
    if (held.size) io.stderr(`stackscope: ${held.size} finding${held.size === 1 ? '' : 's'} in the baseline left out\n`);
  }
  if (args.changedSince) {
    let changed: ReadonlySet<string>;
    try {
      changed = changedFiles(args.dir, args.changedSince);
    } catch (error) {
      throw new InputError((error as Error).message);
    }
    kept = kept.filter((f) => changed.has(f.file));
  }
  return kept;
}

/** `rules`: a line per check, grouped by rule, like `ruff rule --all` in short. */
function checksToText(): string {
  const lines: string[] = [];
  for (const rule of RULES) {
    lines.push(`${rule.id}: ${rule.summary}`);
    const width = Math.max(...rule.checks.map((check) => check.id.length));
    for (const check of rule.checks) lines.push(`  ${check.id.padEnd(width)}  ${check.severity.padEnd(7)}  ${check.summary}`);
    lines.push('');
  }
  lines.push(`${CHECKS.length} checks. \`stackscope rule ID\` prints one's documentation.`);
  return lines.join('\n') + '\n';
}

function checksToJson() {
  return {
    version: 1,
    checks: CHECKS.map((check) => ({
      id: check.id,
      rule: check.rule,
      severity: check.severity,
      stacks: check.stacks,
      summary: check.summary,
      docs: checkDocsUrl(check),
    })),
  };
}

function sortFindings<T extends { file: string; range: { start: { line: number; character: number } }; check: string }>(
  findings: T[],
): T[] {
  return [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.check.localeCompare(b.check),
  );
}
