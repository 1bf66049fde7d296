// Contexts: the kinds of code a finding can be in that do not serve requests — tests, migrations, seed
// and fixture data, one-off scripts. A per-request N+1 does not hurt there, and a query there is no reason
// to index a column. Each context is a set of path globs with the settings that apply in it; the defaults
// below are documented, and `stackscope.json` `contexts` changes or adds to them.
import picomatch from 'picomatch';
import { globProblem } from './files';
import type { RuleSetting } from './config';

export interface Context {
  name: string;
  /** What it is, for the docs and the log line that says what was left out. */
  description: string;
  /** Glob patterns, relative to the workspace root. */
  files: string[];
  /** Severities by rule or check id in these files, over the project's own settings. */
  rules: Record<string, RuleSetting>;
  /** Whether its queries count as evidence for missing-index (a column tests filter on needs no index). */
  evidence: boolean;
}

const NOT_PER_REQUEST: Record<string, RuleSetting> = { 'n-plus-one': 'off' };

export const DEFAULT_CONTEXTS: readonly Context[] = [
  {
    name: 'test',
    description: 'test code',
    files: [
      '**/tests/**',
      '**/test/**',
      '**/__tests__/**',
      '**/e2e/**',
      '**/test_*.py',
      '**/*_test.py',
      '**/tests.py',
      '**/conftest.py',
      '**/*.test.{ts,tsx,js,jsx,mts,cts,mjs,cjs}',
      '**/*.spec.{ts,tsx,js,jsx,mts,cts,mjs,cjs}',
      '**/*.e2e-spec.ts',
      '**/testing/**',
    ],
    rules: NOT_PER_REQUEST,
    evidence: false,
  },
  {
    name: 'migration',
    description: 'database migrations',
    files: ['**/migrations/**', '**/migration/**', '**/alembic/**'],
    rules: NOT_PER_REQUEST,
    evidence: false,
  },
  {
    name: 'seed',
    description: 'seed and fixture data',
    files: [
      '**/seed/**',
      '**/seeds/**',
      '**/seeders/**',
      '**/seed.{ts,js,py}',
      '**/seed-*.{ts,js}',
      '**/*.seed.{ts,js}',
      '**/fixtures/**',
      '**/factories.py',
      '**/factories/**',
      '**/factory.py',
    ],
    rules: NOT_PER_REQUEST,
    evidence: false,
  },
  {
    name: 'script',
    description: 'one-off scripts and management commands',
    files: ['**/scripts/**', '**/script/**', '**/management/commands/**', '**/bin/**'],
    rules: NOT_PER_REQUEST,
    evidence: false,
  },
];

/** The contexts in effect: the defaults with the project's changes (`files`, `rules`, `evidence` per name) and additions. */
export function mergeContexts(overrides: Record<string, Partial<Omit<Context, 'name'>>> = {}): Context[] {
  const merged = DEFAULT_CONTEXTS.map((context) => ({ ...context, ...overrides[context.name], name: context.name }));
  for (const [name, override] of Object.entries(overrides)) {
    if (!merged.some((context) => context.name === name))
      merged.push({ name, description: name, files: [], rules: {}, evidence: true, ...override });
  }
  return merged.map((context) => ({ ...context, files: context.files.filter((glob) => glob.length > 0) }));
}

/** The context of a file, by its path relative to the root: the first whose globs match, in order. */
export function contextMatcher(contexts: readonly Context[]): (relativePath: string) => Context | undefined {
  // A pattern picomatch refuses (an empty one) is left out: the config reports it, and the other files still match.
  const matchers = contexts.map((context) => {
    const usable = context.files.filter((glob) => globProblem(glob) === undefined);
    return { context, matches: picomatch(usable.length ? usable : ['\0'], { dot: true }) };
  });
  return (relativePath) => matchers.find((m) => m.matches(relativePath))?.context;
}
