export type Command = 'check' | 'model';
export type Format = 'text' | 'json' | 'sarif';

export interface CliArgs {
  command: Command;
  dir: string;
  format: Format;
  rules: string[];
}

export class UsageError extends Error {}

export const USAGE = `Usage:
  stackscope check [DIR] [--format text|json|sarif] [--rule ID ...]
  stackscope model [DIR] [--format text|json]
  stackscope --help | --version

check   analyses DIR (default .) and prints its findings.
        Exit code: 0 when nothing at warning or above, 1 when there are such findings, 2 on a usage or internal error.
model   prints the project model: models, signals and middleware chains.`;

const FORMATS: Record<Command, readonly Format[]> = { check: ['text', 'json', 'sarif'], model: ['text', 'json'] };

export function parseArgs(argv: readonly string[]): CliArgs | 'help' | 'version' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  if (argv.includes('--version')) return 'version';
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'model') {
    throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  }
  const args: CliArgs = { command, dir: '.', format: 'text', rules: [] };
  let dirSeen = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--format' || flag === '-f') {
      const format = value();
      if (!FORMATS[command].includes(format as Format)) {
        throw new UsageError(`--format must be one of ${FORMATS[command].join(', ')} for "${command}"`);
      }
      args.format = format as Format;
    } else if (flag === '--rule' && command === 'check') {
      args.rules.push(...value().split(',').map((s) => s.trim()).filter(Boolean));
    } else if (flag.startsWith('-')) {
      throw new UsageError(`unknown option "${flag}"`);
    } else if (!dirSeen) {
      args.dir = arg;
      dirSeen = true;
    } else {
      throw new UsageError(`unexpected argument "${arg}" (only one DIR)`);
    }
  }
  return args;
}
