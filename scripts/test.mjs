// Runs the test suites with Node's test runner, one suite after the other, and says first what the
// run needs and how long it takes.
//   npm test             unit, integration and end to end (a real VS Code)
//   npm run test:fast    unit and integration: everything but the real editor
//   npm run test:unit    unit only (no build)       npm run test:e2e    end to end only
// Before any test, the machine is checked and prepared (test/support/prepare.ts): Debian packages,
// and code-server for the end-to-end test. The LSP, CLI, packaging and end-to-end suites need the
// build, so it runs first.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MODES = {
  all: ['unit', 'integration', 'e2e'],
  fast: ['unit', 'integration'],
  unit: ['unit'],
  integration: ['integration'],
  e2e: ['e2e'],
};
const mode = process.argv[2] ?? 'all';
const suites = MODES[mode];
if (!suites) {
  console.error(`unknown test mode "${mode}": one of ${Object.keys(MODES).join(', ')}`);
  process.exit(2);
}

/** What each suite needs beyond `npm ci`, and its time as measured on a 2-core machine. */
const ABOUT = {
  unit: { needs: '', takes: '2–4 min' },
  integration: { needs: "Debian's python3-django (Django's own deploy checks)", takes: '2–3 min' },
  e2e: {
    needs: 'Debian packages chromium, libkrb5-dev, ripgrep; code-server from the npm registry into .e2e-cache/ (300 MB)',
    takes: '3–4 min; the first run installs for up to 8 min more',
  },
};

const needs = suites.map((suite) => ABOUT[suite].needs).filter(Boolean);
console.log(`Running the ${suites.join(', ')} tests (${suites.map((suite) => `${suite} ${ABOUT[suite].takes}`).join('; ')}).`);
if (needs.length) {
  console.log(`They need: ${needs.join('; ')}.`);
  console.log('Missing Debian packages are installed first, which takes Debian or Ubuntu and root (or sudo without a password).');
}
if (suites.includes('e2e') && mode !== 'e2e') console.log('`npm run test:fast` runs everything but the end-to-end test.');

const testsIn = (dir) => {
  const full = join(root, 'test', dir);
  let names = [];
  try {
    names = readdirSync(full);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(full, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : testsIn(join(dir, name));
    return name.endsWith('.test.ts') ? [path] : [];
  });
};

const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
const minutes = (ms) => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

if (needs.length && run(process.execPath, ['--import', 'tsx', join('test', 'support', 'prepare.ts'), ...suites]) !== 0) process.exit(1);
if (suites.some((suite) => suite !== 'unit')) {
  console.log('\n▸ Building dist/…');
  if (run('npm', ['run', '--silent', 'build']) !== 0) process.exit(1);
}

/** The folders of each suite: the unit suite is the rules' tests beside their fixtures, the frontends', the house's and the engine's. */
const FOLDERS = { unit: ['rules', 'frontends', 'unit', 'project'], integration: ['integration'], e2e: ['e2e'] };

const results = [];
for (const suite of suites) {
  const files = FOLDERS[suite].flatMap(testsIn);
  if (files.length === 0) {
    console.error(`no test files in test/${FOLDERS[suite].join(', test/')}`);
    process.exit(1);
  }
  console.log(`\n▸ ${suite} tests (${files.length} files)`);
  const started = Date.now();
  const status = run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files]);
  results.push({ suite, ok: status === 0, took: Date.now() - started });
}

console.log(`\n${results.map(({ suite, ok, took }) => `${suite}: ${ok ? 'passed' : 'FAILED'} in ${minutes(took)}`).join('\n')}`);
process.exit(results.every(({ ok }) => ok) ? 0 : 1);
