// Runs the test suites with Node's test runner. `npm test` runs everything; `npm test -- unit` only the
// fast suites. The LSP, CLI, packaging and end-to-end suites need the build, so it runs first.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const suites = only ? [only] : ['unit', 'integration', 'e2e'];

const testsIn = (dir) => {
  const full = join(root, 'test', dir);
  let names = [];
  try { names = readdirSync(full); } catch { return []; }
  return names.flatMap((name) => {
    const path = join(full, name);
    if (statSync(path).isDirectory()) return testsIn(join(dir, name));
    return name.endsWith('.test.ts') ? [path] : [];
  });
};

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (suites.some((s) => s !== 'unit')) run('npm', ['run', '--silent', 'build']);
const files = suites.flatMap(testsIn);
if (files.length === 0) {
  console.error(`no test files in ${suites.join(', ')}`);
  process.exit(1);
}
run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files]);
