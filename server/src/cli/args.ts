import { FAIL_ON, type FailOn } from './exit-code';

export type Command = 'check' | 'model' | 'rules' | 'rule';
export type Format = 'text' | 'json' | 'sarif';

export interface CliArgs {
  command: Command;
  dir: string;
  format: Format;
  rules: string[];
  /** `rule ID`: the rule or check to document. */
  id?: string;
  /** Report only findings not in this baseline file (default: `baseline` in stackscope.json). */
  baseline?: string;
  /** Write every finding to this baseline file instead of reporting. */
  updateBaseline?: string;
  failOn: FailOn;
  maxWarnings?: number;
  /** Report only findings in files git says changed since this ref. */
  changedSince?: string;
}

export class UsageError extends Error {}

export const USAGE = `Usage:
  stackscope check [DIR] [--format text|json|sarif] [--rule ID ...] [--fail-on LEVEL] [--max-warnings N]
                   [--baseline FILE | --update-baseline FILE] [--changed-since REF]
  stackscope model [DIR] [--format text|json]
  stackscope rules [--format text|json]
  stackscope rule ID
  stackscope --help | --version

check   analyses DIR (default .) and prints its findings. --rule takes rule ids (n-plus-one) or check
        ids (insecure-session/default-cookie-name), comma-separated or repeated.
        --fail-on error|warning|info|hint|none: the least severe finding that fails the run (default warning).
        --max-warnings N: warnings fail the run only when there are more than N.
        --baseline FILE: report only findings not in FILE (default: "baseline" in stackscope.json);
        --update-baseline FILE writes every current finding to FILE and exits 0.
        --changed-since REF: report only findings in files changed since REF (git), with the whole
        project analysed.
        Exit code: 0 when nothing fails the run, 1 when something does, 2 on a usage or internal error.
model   prints the project model: models, signals and middleware chains.
rules   lists every check: its id, default severity, stacks and what it finds.
rule    prints the documentation of a check (or of every check of a rule).`;

const FORMATS: Record<Command, readonly Format[]> = {
  check: ['text', 'json', 'sarif'],
  model: ['text', 'json'],
  rules: ['text', 'json'],
  rule: ['text'],
};
const COMMANDS: readonly string[] = Object.keys(FORMATS);

export function parseArgs(argv: readonly string[]): CliArgs | 'help' | 'version' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  if (argv.includes('--version')) return 'version';
  const [command, ...rest] = argv;
  if (!COMMANDS.includes(command)) throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const args: CliArgs = { command: command as Command, dir: '.', format: 'text', rules: [], failOn: 'warning' };
  let dirSeen = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--format' || flag === '-f') {
      const format = value();
      if (!FORMATS[args.command].includes(format as Format)) {
        throw new UsageError(`--format must be one of ${FORMATS[args.command].join(', ')} for "${command}"`);
      }
      args.format = format as Format;
    } else if (flag === '--rule' && command === 'check') {
      args.rules.push(
        ...value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
    } else if (flag === '--fail-on' && command === 'check') {
      const level = value();
      if (!FAIL_ON.includes(level as FailOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}`);
      args.failOn = level as FailOn;
    } else if (flag === '--max-warnings' && command === 'check') {
      const count = value();
      if (!/^\d+$/.test(count)) throw new UsageError('--max-warnings needs a whole number');
      args.maxWarnings = Number(count);
    } else if (flag === '--baseline' && command === 'check') {
      args.baseline = value();
    } else if (flag === '--update-baseline' && command === 'check') {
      args.updateBaseline = value();
    } else if (flag === '--changed-since' && command === 'check') {
      args.changedSince = value();
    } else if (flag.startsWith('-')) {
      throw new UsageError(`unknown option "${flag}"`);
    } else if (args.command === 'rules') {
      throw new UsageError(`unexpected argument "${arg}"`);
    } else if (args.command === 'rule') {
      if (args.id !== undefined) throw new UsageError(`unexpected argument "${arg}" (one ID)`);
      args.id = arg;
    } else if (!dirSeen) {
      args.dir = arg;
      dirSeen = true;
    } else {
      throw new UsageError(`unexpected argument "${arg}" (only one DIR)`);
    }
  }
  if (args.command === 'rule' && args.id === undefined) throw new UsageError('rule needs an ID (`stackscope rules` lists them)');
  if (args.baseline !== undefined && args.updateBaseline !== undefined)
    throw new UsageError('--baseline and --update-baseline go one at a time');
  return args;
}
