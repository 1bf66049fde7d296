// Analyses one folder in this process and prints what it cost as JSON: CPU time, peak RSS, findings.
// Run by bench/pathological.ts in a child process per input, so each figure is that input's alone.
// `ENGINE` (default: this repository) lets the same measurement run against an older checkout.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

async function main() {
  const [dir, engine = resolve(__dirname, '..')] = process.argv.slice(2);
  const { Analyzer } = await import(pathToFileURL(resolve(engine, 'server/src/workspace/analyzer.ts')).href);
  const notes: string[] = [];
  const analyzer = new Analyzer(resolve(dir), { log: (message: string) => notes.push(message.split('\n')[0]) });
  const cpu = process.cpuUsage();
  const started = performance.now();
  await analyzer.scan();
  const findings = analyzer.findings().length;
  const used = process.cpuUsage(cpu);
  const result = {
    cpuMs: Math.round((used.user + used.system) / 1000),
    wallMs: Math.round(performance.now() - started),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    findings,
    files: analyzer.files.size,
    notes: notes.slice(0, 5),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
