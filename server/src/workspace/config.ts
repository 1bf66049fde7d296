import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Severity } from '../model/types';
import type { Context } from './contexts';
import { checksSelected } from '../rules';
import { CONFIG_KEYS, CONTEXT_KEYS, OVERRIDE_KEYS, RULE_SETTINGS } from './config-schema';
import { type JsonPath, readJson } from './json-locations';
import { globProblem } from './files';

export const CONFIG_FILE = 'stackscope.json';

export type RuleSetting = Severity | 'off';

export interface Config {
  /**
   * Severity overrides by rule id (every check of the rule) or check id (`insecure-session/default-cookie-name`);
   * a check's own setting wins over its rule's. A check named by neither keeps its default severity.
   */
  rules: Record<string, RuleSetting>;
  /** Project functions that run one query each (`getEntityOrThrow`), for projects that wrap their repositories. */
  queryFunctions: string[];
  /** Glob patterns, relative to the workspace root, of files and folders not to analyse. */
  exclude: string[];
  /** Changes to the default contexts (tests, migrations, seeds, scripts), and contexts of the project's own, by name. */
  contexts?: Record<string, ContextSettings>;
  /** Severities by path globs, over the project's and the contexts' settings; a later one wins. */
  overrides?: PathOverride[];
  /** A baseline file (relative to the root): its findings are not reported (CLI) or shown as hints or not at all (editor). */
  baseline?: string;
}

/** What `stackscope.json` may say of a context: its files, its severities, whether its queries are evidence. */
export type ContextSettings = Partial<Pick<Context, 'files' | 'rules' | 'evidence'>>;

/** Severities for the files some globs match (relative to the root), like ESLint's `overrides` or ruff's per-file-ignores. */
export interface PathOverride {
  files: string[];
  rules: Record<string, RuleSetting>;
}

/** A mistake in the config, at a place in its JSON: the value at `path`, or its key when `part` says so. */
export interface ConfigProblem {
  message: string;
  path: JsonPath;
  part?: 'key';
}

/** A mistake in the config file, with its 0-based line and column. */
export interface LocatedConfigProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface LoadedConfig {
  config: Config;
  /** Problems with the config file, each a sentence a user can act on. The config holds what was valid. */
  problems: LocatedConfigProblem[];
}

export function emptyConfig(): Config {
  return { rules: {}, exclude: [], queryFunctions: [] };
}

/** Reads `stackscope.json` at the root. A missing file is fine; every mistake in one is located and reported. */
export function loadConfig(root: string): LoadedConfig {
  const file = join(root, CONFIG_FILE);
  if (!existsSync(file)) return { config: emptyConfig(), problems: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { config: emptyConfig(), problems: [{ file, line: 0, column: 0, message: `cannot be read (${(error as Error).message})` }] };
  }
  const read = readJson(text);
  if (!read.ok) return { config: emptyConfig(), problems: [{ file, ...read.position, message: `not valid JSON: ${read.message}` }] };
  const { config, problems } = parseConfig(read.value);
  const located = problems.map((problem) => ({ file, ...read.locate(problem.path, problem.part), message: problem.message }));
  return { config, problems: located.sort((a, b) => a.line - b.line || a.column - b.column) };
}

/** The config a parsed JSON value says, and a problem for each key or value that cannot be used. */
export function parseConfig(raw: unknown): { config: Config; problems: ConfigProblem[] } {
  const config = emptyConfig();
  const problems: ConfigProblem[] = [];
  const fields = objectFields(raw, [], CONFIG_KEYS, problems);
  if (!fields) return { config, problems };
  const { rules, exclude, queryFunctions, contexts, overrides, baseline } = fields;
  if (baseline !== undefined) {
    if (typeof baseline !== 'string' || baseline === '')
      problems.push({ message: '"baseline" must be the path of a baseline file', path: ['baseline'] });
    else config.baseline = baseline;
  }
  if (contexts !== undefined) {
    const parsed = parseContexts(contexts, problems);
    if (parsed) config.contexts = parsed;
  }
  if (overrides !== undefined) {
    const parsed = parseOverrides(overrides, problems);
    if (parsed) config.overrides = parsed;
  }
  if (queryFunctions !== undefined) {
    if (!Array.isArray(queryFunctions) || queryFunctions.some((name) => typeof name !== 'string'))
      problems.push({ message: '"queryFunctions" must be an array of function names', path: ['queryFunctions'] });
    else config.queryFunctions = queryFunctions as string[];
  }
  if (rules !== undefined) config.rules = parseRuleSettings(rules, ['rules'], problems);
  if (exclude !== undefined) config.exclude = parseGlobs(exclude, ['exclude'], problems) ?? [];
  return { config, problems };
}

/** The fields of an object with known keys; a problem for each unknown key, or for a value that is no object. */
function objectFields(
  raw: unknown,
  path: JsonPath,
  known: Record<string, string>,
  problems: ConfigProblem[],
): Record<string, unknown> | undefined {
  const names = Object.keys(known).filter((key) => key !== '$schema');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ message: `${path.length ? where(path) : 'the file'} must be an object with ${listed(names)}`, path });
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    const unknown = `unknown key "${key}" (known: ${listed(names)})`;
    if (!Object.hasOwn(known, key))
      problems.push({ message: path.length ? `${where(path)}: ${unknown}` : unknown, path: [...path, key], part: 'key' });
  }
  return raw as Record<string, unknown>;
}

/** Glob patterns; an empty one matches nothing (and a glob library may throw on it), so it is a mistake. */
function parseGlobs(raw: unknown, path: JsonPath, problems: ConfigProblem[]): string[] | undefined {
  if (!Array.isArray(raw) || raw.some((glob) => typeof glob !== 'string')) {
    problems.push({ message: `${where(path)} must be an array of glob strings`, path });
    return undefined;
  }
  const usable: string[] = [];
  raw.forEach((glob: string, index) => {
    const problem = globProblem(glob);
    if (!problem) usable.push(glob);
    else {
      const message = glob === '' ? problem : `the pattern ${JSON.stringify(glob)} cannot be used (${problem})`;
      problems.push({ message: `${where(path)}: ${message}`, path: [...path, index] });
    }
  });
  return usable;
}

/**
 * A problem for each glob pattern of an editor setting that cannot be used (an empty one is easy to add in the settings editor): it is
 * ignored.
 */
export function unusablePatterns(patterns: readonly string[], where: string): string[] {
  return patterns.flatMap((pattern) => {
    const problem = globProblem(pattern);
    return problem ? [`${where}: the pattern ${JSON.stringify(pattern)} is ignored (${problem})`] : [];
  });
}

/** Severities by rule or check id; a problem for each unknown id or value. */
function parseRuleSettings(raw: unknown, path: JsonPath, problems: ConfigProblem[]): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({
      message: `${where(path)} must be an object like {"n-plus-one": "warning", "insecure-session/default-cookie-name": "off"}`,
      path,
    });
    return settings;
  }
  for (const [id, setting] of Object.entries(raw)) {
    if (checksSelected(id).length === 0)
      problems.push({
        message: `${where(path)}: unknown rule or check "${id}" (\`stackscope rules\` lists them)`,
        path: [...path, id],
        part: 'key',
      });
    else if (typeof setting !== 'string' || !RULE_SETTINGS.includes(setting))
      problems.push({ message: `${where(path)}: "${id}" must be one of ${RULE_SETTINGS.join(', ')}`, path: [...path, id] });
    else settings[id] = setting as RuleSetting;
  }
  return settings;
}

/** `contexts`: by name, the files (globs), severities and evidence of a context. */
function parseContexts(raw: unknown, problems: ConfigProblem[]): Record<string, ContextSettings> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({
      message: '"contexts" must be an object like {"test": {"files": ["**/tests/**"], "rules": {"n-plus-one": "off"}}}',
      path: ['contexts'],
    });
    return undefined;
  }
  const contexts: Record<string, ContextSettings> = {};
  for (const [name, value] of Object.entries(raw)) {
    const path = ['contexts', name];
    const fields = objectFields(value, path, CONTEXT_KEYS, problems);
    if (!fields) continue;
    const context: ContextSettings = {};
    if (fields.files !== undefined) {
      const files = parseGlobs(fields.files, [...path, 'files'], problems);
      if (files) context.files = files;
    }
    if (fields.rules !== undefined) context.rules = parseRuleSettings(fields.rules, [...path, 'rules'], problems);
    if (fields.evidence !== undefined) {
      if (typeof fields.evidence !== 'boolean')
        problems.push({ message: `${where([...path, 'evidence'])} must be true or false`, path: [...path, 'evidence'] });
      else context.evidence = fields.evidence;
    }
    contexts[name] = context;
  }
  return contexts;
}

/** `overrides`: a list of {files, rules}; one without files applies nowhere, so it is a mistake. */
function parseOverrides(raw: unknown, problems: ConfigProblem[]): PathOverride[] | undefined {
  if (!Array.isArray(raw)) {
    problems.push({
      message: '"overrides" must be an array like [{"files": ["legacy/**"], "rules": {"n-plus-one": "off"}}]',
      path: ['overrides'],
    });
    return undefined;
  }
  const overrides: PathOverride[] = [];
  raw.forEach((value, index) => {
    const path = ['overrides', index];
    const fields = objectFields(value, path, OVERRIDE_KEYS, problems);
    if (!fields) return;
    const files = fields.files === undefined ? undefined : parseGlobs(fields.files, [...path, 'files'], problems);
    if (fields.files === undefined || (files && files.length === 0))
      problems.push({ message: `${where(path)} needs "files", the globs it applies to`, path });
    const rules = fields.rules === undefined ? {} : parseRuleSettings(fields.rules, [...path, 'rules'], problems);
    if (files?.length) overrides.push({ files, rules });
  });
  return overrides;
}

/** A JSON path as a user reads it: `"overrides[0].files"`. */
function where(path: JsonPath): string {
  return `"${path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('')}"`;
}

function listed(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

/** Editor settings override the project file, rule by rule; excludes add up. Path overrides come from the file alone. */
export function mergeConfig(base: Config, override: Partial<Config>): Config {
  return {
    rules: { ...base.rules, ...(override.rules ?? {}) },
    exclude: [...base.exclude, ...(override.exclude ?? [])],
    queryFunctions: [...base.queryFunctions, ...(override.queryFunctions ?? [])],
    ...(base.contexts || override.contexts ? { contexts: { ...base.contexts, ...override.contexts } } : {}),
    ...(base.overrides ? { overrides: base.overrides } : {}),
    ...((override.baseline ?? base.baseline) ? { baseline: override.baseline ?? base.baseline } : {}),
  };
}
