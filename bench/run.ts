// Speed and memory of the built engine (`npm run build` first), as ratios measured in one run:
//   npm run bench -- [DIR ...] [--files 6300] [--runs 1] [--edits 40] [--no-edits]
// For the generated project (bench/generate.ts, --files files, made once in the temp folder) and each
// DIR: the parse floor (dist/parse-floor.js parses every file the engine reads and does nothing else)
// against a cold `check` — CPU seconds, peak RSS, and their ratio. Then, in the generated workspace,
// the language server driven over stdio: the open file's first diagnostics, the scan's end, and
// didChange → publishDiagnostics p50/p95 (debounce included). Numbers only: nothing here asserts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { measureEdits } from './speed/edit-latency';
import { measureNode, median, percentile, type Usage } from './speed/measure';

const root = join(__dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const files = flag('--files', 6300);
const runs = flag('--runs', 1);
const edits = args.includes('--no-edits') ? 0 : flag('--edits', 40);
const dirs = args
  .filter((arg, i) => !arg.startsWith('--') && !['--files', '--runs', '--edits'].includes(args[i - 1]))
  .map((dir) => resolve(dir));

function generated(): string {
  const dir = join(tmpdir(), `stackscope-bench-${files}`);
  if (!existsSync(join(dir, 'manage.py'))) {
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'generate.ts'), dir, '--files', String(files)], {
      stdio: 'inherit',
    });
  }
  return dir;
}

/** Floor and check alternate, so a machine that slows down mid-run slows both. */
function coldRuns(dir: string): { floor: Usage; check: Usage; cpuRatio: number } {
  const floors: Usage[] = [];
  const checks: Usage[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const floor = measureNode(join(root, 'dist', 'parse-floor.js'), [dir]);
    const check = measureNode(join(root, 'dist', 'cli.js'), ['check', dir, '--format', 'json']);
    floors.push(floor);
    checks.push(check);
    ratios.push(check.cpuSeconds / floor.cpuSeconds);
  }
  const pick = (list: Usage[]): Usage => ({
    cpuSeconds: median(list.map((u) => u.cpuSeconds)),
    wallSeconds: median(list.map((u) => u.wallSeconds)),
    maxRssMb: median(list.map((u) => u.maxRssMb)),
  });
  return { floor: pick(floors), check: pick(checks), cpuRatio: median(ratios) };
}

async function main() {
  for (const built of ['cli.js', 'server.js', 'parse-floor.js']) {
    if (!existsSync(join(root, 'dist', built))) throw new Error(`dist/${built} is missing: run npm run build first`);
  }
  const project = generated();
  console.log(`${cpus().length} cores, node ${process.version}, ${runs} run(s) each, medians`);
  console.log('project'.padEnd(24) + 'floor CPU  check CPU  ratio  check wall  floor RSS  check RSS');
  for (const dir of [project, ...dirs]) {
    const { floor, check, cpuRatio } = coldRuns(dir);
    console.log(
      basename(dir).padEnd(24) +
        `${floor.cpuSeconds.toFixed(2)} s`.padStart(9) +
        `${check.cpuSeconds.toFixed(2)} s`.padStart(11) +
        `${cpuRatio.toFixed(2)}×`.padStart(7) +
        `${check.wallSeconds.toFixed(2)} s`.padStart(12) +
        `${floor.maxRssMb.toFixed(0)} MB`.padStart(11) +
        `${check.maxRssMb.toFixed(0)} MB`.padStart(11),
    );
  }
  if (edits === 0) return;
  // app0/views.py loops over orders and reads order.customer: an N+1 that select_related removes.
  const file = join(project, 'app0', 'views.py');
  const flagged = readFileSync(file, 'utf8');
  const fixed = flagged.replace('.filter(total__gt=10)', '.filter(total__gt=10).select_related("customer")');
  const latency = await measureEdits(project, file, [flagged, fixed], edits);
  console.log(`language server on ${basename(project)}:`);
  console.log(`  open file's first diagnostics  ${latency.firstDiagnosticsMs.toFixed(0)} ms after start-up`);
  console.log(`  workspace scan ended           ${latency.scanEndMs.toFixed(0)} ms after start-up`);
  console.log(
    `  edit → diagnostics (${edits} edits)  p50 ${percentile(latency.editsMs, 50).toFixed(0)} ms, p95 ${percentile(latency.editsMs, 95).toFixed(0)} ms (150 ms debounce included)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
