import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { serializeModel } from '../model/serialize';
import { RULES, ruleById } from '../rules';
import { Analyzer } from '../workspace/analyzer';
import { loadConfig } from '../workspace/config';
import { parseArgs, USAGE, UsageError, type CliArgs } from './args';
import { findingsToJson } from './format-json';
import { findingsToSarif } from './format-sarif';
import { findingsToText, modelToText } from './format-text';
import { version as VERSION } from '../../../package.json';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
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
    for (const id of args.rules) if (!ruleById(id)) throw new UsageError(`unknown rule "${id}" (known: ${RULES.map((r) => r.id).join(', ')})`);
    const dir = resolve(args.dir);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`"${args.dir}" is not a directory`);
    args = { ...args, dir };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`stackscope: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }

  try {
    const { config, problems } = loadConfig(args.dir);
    for (const problem of problems) io.stderr(`stackscope: ${problem}\n`);
    const analyzer = new Analyzer(args.dir, { config, onlyRules: args.rules.length ? args.rules : undefined });
    await analyzer.scan();
    for (const [file, reason] of analyzer.skipped) io.stderr(`stackscope: ${file}: ${reason}\n`);

    if (args.command === 'model') {
      const json = serializeModel(analyzer.model(), analyzer.findings());
      io.stdout(args.format === 'json' ? JSON.stringify(json, null, 2) + '\n' : modelToText(json));
      return 0;
    }

    const findings = sortFindings(analyzer.findings());
    if (args.format === 'json') io.stdout(JSON.stringify(findingsToJson(args.dir, findings), null, 2) + '\n');
    else if (args.format === 'sarif') {
      const rules = args.rules.length ? RULES.filter((r) => args.rules.includes(r.id)) : RULES;
      io.stdout(JSON.stringify(findingsToSarif(args.dir, findings, rules, VERSION), null, 2) + '\n');
    } else io.stdout(findingsToText(args.dir, findings));
    return findings.some((f) => f.severity === 'error' || f.severity === 'warning') ? 1 : 0;
  } catch (error) {
    io.stderr(`stackscope: internal error: ${(error as Error).stack ?? error}\n`);
    return 2;
  }
}

function sortFindings<T extends { file: string; range: { start: { line: number; character: number } }; rule: string }>(findings: T[]): T[] {
  return [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.rule.localeCompare(b.rule),
  );
}
