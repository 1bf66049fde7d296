// Runs a command to completion with a time limit and returns its output, so an install that hangs
// fails the test with the command's own words instead of hitting the runner's timeout. With `echo`,
// the output is also shown as it comes (indented, on stderr), for installs a person waits for.
import { spawn } from 'node:child_process';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  echo?: boolean;
}

/** Writes each complete line of a stream's output to stderr, indented under the step that runs it. */
function echoLines(): (chunk: Buffer) => void {
  let partial = '';
  return (chunk) => {
    const lines = (partial + chunk.toString()).split(/\r?\n|\r/);
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) process.stderr.write(`    ${line}\n`);
  };
}

export function runCommand(cmd: string, args: string[], options: CommandOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (options.echo) {
      child.stdout.on('data', echoLines());
      child.stderr.on('data', echoLines());
    }
    const timer = setTimeout(() => {
      // The child leads its own group, so this also stops what it started (npm's install scripts).
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
      reject(new Error(`${cmd} ${args.join(' ')} did not finish within ${options.timeoutMs / 1000} s\n${tail(stdout)}\n${tail(stderr)}`));
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs a command that must succeed; the error carries the end of its output. */
export async function mustRun(cmd: string, args: string[], options: CommandOptions): Promise<string> {
  const result = await runCommand(cmd, args, options);
  if (result.code !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${result.code}\n${tail(result.stdout)}\n${tail(result.stderr)}`);
  }
  return result.stdout;
}

export function tail(text: string, lines = 30): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
