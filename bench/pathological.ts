// CPU time and peak RSS of the engine on each pathological input (test/support/pathological.ts):
// `node --import tsx bench/pathological.ts [--timeout 240] [--only NAME] [--engine DIR] [--growth]`.
// Each input runs alone in a child process with a time limit; figures only, nothing is asserted.
// --growth runs a few constructs at 1×, 2× and 4× their size instead: linear cost doubles.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type PathologicalInput, PATHOLOGICAL_INPUTS } from '../test/support/pathological';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const timeoutSeconds = Number(flag('--timeout') ?? 240);
const only = flag('--only');
const engine = resolve(flag('--engine') ?? join(__dirname, '..'));

/** Constructs whose cost once grew 4–5× per doubling, at 1×, 2× and 4× the size. */
function growth(): PathologicalInput[] {
  const at = (name: string, file: string, make: (n: number) => string, n: number) => ({
    name: `${name} ×${n}`,
    file,
    small: false,
    degrades: true,
    text: () => make(n),
  });
  const makers: [string, string, (n: number) => string, number][] = [
    ['chain.py', 'views.py', (n) => 'q = Book.objects' + '.filter(a=1)'.repeat(n) + '\n', 8_000],
    ['chain.ts', 'routes.ts', (n) => 'const q = repo' + '.where("a")'.repeat(n) + ';\n', 8_000],
    ['plus.py', 'views.py', (n) => 's = a' + '+a'.repeat(n) + '\n', 100_000],
    ['plus.ts', 'routes.ts', (n) => 'const s = a' + '+a'.repeat(n) + ';\n', 100_000],
    ['loops.html', 'templates/loops.html', (n) => '{% for a in b %}'.repeat(n) + '{% endfor %}'.repeat(n), 1_000],
  ];
  return makers.flatMap(([name, file, make, n]) => [1, 2, 4].map((k) => at(name, file, make, n * k)));
}

const rows: string[][] = [['input', 'size', 'CPU', 'wall', 'peak RSS', 'findings', 'notes']];
for (const input of args.includes('--growth') ? growth() : PATHOLOGICAL_INPUTS) {
  if (only && !input.name.includes(only)) continue;
  const dir = mkdtempSync(join(tmpdir(), 'stackscope-pathological-'));
  const text = input.text();
  mkdirSync(dirname(join(dir, input.file)), { recursive: true });
  writeFileSync(join(dir, input.file), text);
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'measure-one.ts'), dir, engine], {
    encoding: 'utf8',
    timeout: timeoutSeconds * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 16 * 1024 * 1024,
  });
  rmSync(dir, { recursive: true, force: true });
  const size = `${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`;
  if (child.error || child.status !== 0) {
    const why =
      child.signal === 'SIGKILL' ? `still running after ${timeoutSeconds} s` : (child.stderr || String(child.error)).split('\n')[0];
    rows.push([input.name, size, '-', '-', '-', '-', why]);
  } else {
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!);
    rows.push([
      input.name,
      size,
      `${(r.cpuMs / 1000).toFixed(2)} s`,
      `${(r.wallMs / 1000).toFixed(2)} s`,
      `${r.maxRssMb} MB`,
      String(r.findings),
      r.notes.join(' | ').slice(0, 120),
    ]);
  }
  console.log(rows[rows.length - 1].join('\t'));
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
console.log('');
for (const row of rows)
  console.log(
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
