// Prints the engine's speed and memory on a project: `npm run bench -- DIR [--edits N]`.
// Numbers only: nothing here asserts a time; compare runs by reading them.
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Analyzer } from '../server/src/workspace/analyzer';
import { loadConfig } from '../server/src/workspace/config';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const args = process.argv.slice(2);
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? 'examples');
  const editsFlag = args.indexOf('--edits');
  const edits = editsFlag >= 0 ? Number(args[editsFlag + 1]) : 50;

  const analyzer = new Analyzer(dir, { config: loadConfig(dir).config });
  const start = performance.now();
  await analyzer.scan();
  const findings = analyzer.findings();
  const coldSeconds = (performance.now() - start) / 1000;

  const files = [...analyzer.files.keys()];
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const megabytes = bytes / 1024 / 1024;

  // Simulated typing: the same file edited again and again, each edit followed by the rules,
  // as the language server does after its debounce.
  const target = files.find((f) => /settings\.py$|app\.ts$|models\.py$/.test(f)) ?? files[Math.floor(files.length / 2)];
  const original = readFileSync(target, 'utf8');
  const latencies: number[] = [];
  for (let i = 0; i < edits; i++) {
    const text = `${original}\n${target.endsWith('.py') ? '#' : '//'} edit ${i}\n`;
    const t0 = performance.now();
    await analyzer.updateFile(target, text);
    analyzer.findings();
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);

  const rows: [string, string][] = [
    ['project', dir],
    ['files analysed', String(files.length)],
    ['files skipped', String(analyzer.skipped.size)],
    ['source size', `${megabytes.toFixed(2)} MB`],
    ['findings', String(findings.length)],
    ['cold analysis', `${coldSeconds.toFixed(2)} s`],
    ['throughput', `${(megabytes / coldSeconds).toFixed(2)} MB/s`],
    ['peak RSS', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`],
    ['edited file', relative(dir, target)],
    [`re-analysis p50 (${edits} edits)`, `${percentile(latencies, 50).toFixed(1)} ms`],
    [`re-analysis p95 (${edits} edits)`, `${percentile(latencies, 95).toFixed(1)} ms`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [key, value] of rows) console.log(`${key.padEnd(width)}  ${value}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
