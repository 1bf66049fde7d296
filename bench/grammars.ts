// What the SQL injection grammars cost the editor: `npm run bench:grammars [-- --runs N] [FILE ...]`.
// Tokenizes large real files with VS Code's TextMate engine (vscode-textmate + vscode-oniguruma),
// once with the host grammar alone and once with each injection grammar added, and prints the
// median time of each and the overhead; where several inject into the same host, also all of them
// together, as the editor runs them. An injection whose selector matches the whole document is
// tried at every position of every line, so a slow begin pattern shows here even on files that
// hold no SQL at all. Numbers only: nothing here asserts a time; compare runs by reading them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as tm from 'vscode-textmate';

const root = join(__dirname, '..');

interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
}
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { grammars: GrammarContribution[] } };
const injections = manifest.contributes.grammars.filter((grammar) => grammar.injectTo);

/** The host grammars VS Code ships (tm-grammars has the same files), by scope name. */
const HOSTS = ['python', 'typescript', 'javascript', 'sql'].map((name) => require.resolve(`tm-grammars/grammars/${name}.json`));

/** Large files nobody wrote for this bench; arguments on the command line replace them. */
function defaultFiles(): string[] {
  const typescript = [join(root, 'node_modules/typescript/lib/typescript.d.ts'), join(root, 'node_modules/ts-morph/lib/ts-morph.d.ts')];
  const lib = '/usr/lib';
  const versions = existsSync(lib) ? readdirSync(lib).filter((name) => /^python3\.\d+$/.test(name)) : [];
  const python = versions
    .map((name) => join(lib, name, 'argparse.py'))
    .filter((file) => existsSync(file))
    .slice(0, 1);
  return [...typescript.filter((file) => existsSync(file)), ...python];
}

/** With no Python standard library at hand, the Python fixtures repeated stand in for a large file. */
function fallbackPython(): string {
  const fixture = readFileSync(join(root, 'test/fixtures/grammars/python-sql.py'), 'utf8');
  return Array.from({ length: 200 }, () => fixture).join('\n');
}

function scopeOf(file: string): string {
  return extname(file) === '.py' ? 'source.python' : extname(file) === '.js' ? 'source.js' : 'source.ts';
}

const onigLib = (async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  return {
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text: string) => new oniguruma.OnigString(text),
  };
})();

/** A fresh registry (so no compiled rule is shared between variants), with the given injections. */
function registry(injections: GrammarContribution[]): tm.Registry {
  const grammars = new Map<string, tm.IRawGrammar>();
  for (const path of [...HOSTS, ...injections.map((injection) => join(root, injection.path))]) {
    const raw = tm.parseRawGrammar(readFileSync(path, 'utf8'), path);
    grammars.set(raw.scopeName, raw);
  }
  return new tm.Registry({
    onigLib,
    loadGrammar: async (scopeName) => grammars.get(scopeName) ?? null,
    getInjections: (scopeName) =>
      injections.filter((injection) => injection.injectTo?.includes(scopeName)).map((injection) => injection.scopeName),
  });
}

/**
 * Tokenizes every line as the editor does, carrying the state from line to line; returns the CPU
 * ms it took. CPU time rather than wall time: other processes on a busy machine stretch the wall
 * clock, not the work done.
 */
function tokenize(grammar: tm.IGrammar, lines: string[]): number {
  const start = process.cpuUsage();
  let state = tm.INITIAL;
  for (const line of lines) state = grammar.tokenizeLine2(line, state).ruleStack;
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function load(scopeName: string, injections: GrammarContribution[] = []): Promise<tm.IGrammar> {
  const grammar = await registry(injections).loadGrammar(scopeName);
  if (!grammar) throw new Error(`no grammar for ${scopeName}`);
  return grammar;
}

/**
 * Median ms of each grammar on the same lines. The runs alternate between the grammars, so a
 * machine that slows down or speeds up during the bench shifts all of them alike.
 */
function medianTimes(grammars: tm.IGrammar[], lines: string[], runs: number): number[] {
  for (const grammar of grammars) tokenize(grammar, lines); // warm-up: compiles the rules, lets the JIT settle
  const times = grammars.map(() => [] as number[]);
  for (let run = 0; run < runs; run++) grammars.forEach((grammar, i) => times[i].push(tokenize(grammar, lines)));
  return times.map(median);
}

async function main() {
  const args = process.argv.slice(2);
  const runsFlag = args.indexOf('--runs');
  const runs = runsFlag >= 0 ? Number(args[runsFlag + 1]) : 7;
  const named = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--runs');
  const files = named.length ? named : defaultFiles();

  const inputs = files.map((file) => ({
    name: relative(root, file).startsWith('..') ? file : relative(root, file),
    scope: scopeOf(file),
    text: readFileSync(file, 'utf8'),
  }));
  if (!inputs.some((input) => input.scope === 'source.python'))
    inputs.push({ name: 'python-sql.py fixture x200', scope: 'source.python', text: fallbackPython() });

  const rows: string[][] = [['file', 'lines', 'injection', 'without (CPU ms)', 'with (CPU ms)', 'overhead']];
  for (const input of inputs) {
    const lines = input.text.split(/\r?\n/);
    const hosted = injections.filter((grammar) => grammar.injectTo?.includes(input.scope));
    const variants = hosted.map((injection) => ({ name: injection.scopeName, injections: [injection] }));
    if (hosted.length > 1) variants.push({ name: 'all of them', injections: hosted });
    for (const variant of variants) {
      const [baseline, withInjection] = medianTimes([await load(input.scope), await load(input.scope, variant.injections)], lines, runs);
      const overhead = ((withInjection - baseline) / baseline) * 100;
      rows.push([
        input.name,
        String(lines.length),
        variant.name,
        baseline.toFixed(0),
        withInjection.toFixed(0),
        `${overhead >= 0 ? '+' : ''}${overhead.toFixed(1)}%`,
      ]);
    }
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows)
    console.log(row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
  console.log(`median of ${runs} runs after one warm-up run`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
