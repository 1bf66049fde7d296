// The CLI run in this process, as a user runs it, with its output kept.
import { runCli } from '../../server/src/cli/run';

/** `stackscope ...args`: its exit code, stdout and stderr. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}
