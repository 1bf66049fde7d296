// Runs a node script as its own process and reads back its CPU time and peak memory (usage-hook.cjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Usage {
  cpuSeconds: number;
  wallSeconds: number;
  maxRssMb: number;
}

const HOOK = join(__dirname, 'usage-hook.cjs');

export function measureNode(script: string, args: readonly string[], nodeFlags: readonly string[] = []): Usage {
  const dir = mkdtempSync(join(tmpdir(), 'stackscope-usage-'));
  const out = join(dir, 'usage.json');
  try {
    const started = performance.now();
    const run = spawnSync(process.execPath, [...nodeFlags, '--require', HOOK, script, ...args], {
      env: { ...process.env, STACKSCOPE_BENCH_USAGE: out },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallSeconds = (performance.now() - started) / 1000;
    // `check` exits 1 when it reports findings; only a crash (no usage written) is a failure.
    let usage: { cpuSeconds: number; maxRssMb: number };
    try {
      usage = JSON.parse(readFileSync(out, 'utf8'));
    } catch {
      throw new Error(`${script} ${args.join(' ')} failed (status ${run.status}): ${run.stderr?.toString().slice(-2000)}`);
    }
    return { ...usage, wallSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
