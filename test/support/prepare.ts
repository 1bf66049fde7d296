// Run by scripts/test.mjs before the suites named on its command line: checks that this machine can
// run them and installs what they need (Debian packages; code-server for the end-to-end test),
// showing each step. When it cannot, it exits 1 with what to do, before any test has run.
import { ensureCodeServer } from '../e2e/support/code-server-install';
import { cannotInstall, ensurePackages, missingPackages, SUITE_PACKAGES } from './debian-packages';
import { say } from './step-log';

async function prepare(suites: readonly string[]): Promise<void> {
  const needed = suites.flatMap((suite) => SUITE_PACKAGES[suite] ?? []);
  const problem = cannotInstall(missingPackages(needed));
  if (problem) throw new Error(problem);
  await ensurePackages(needed, true);
  if (suites.includes('e2e')) await ensureCodeServer();
}

prepare(process.argv.slice(2)).catch((error: Error) => {
  say(`\n${error.message}`);
  process.exit(1);
});
