import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Severity } from '../model/types';
import type { Context } from './contexts';
import { SEVERITIES } from '../rules/rule';
import { checksSelected } from '../rules';
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
  /** A baseline file (relative to the root): its findings are not reported (CLI) or shown as hints or not at all (editor). */
  baseline?: string;
}

/** What `stackscope.json` may say of a context: its files, its severities, whether its queries are evidence. */
export type ContextSettings = Partial<Pick<Context, 'files' | 'rules' | 'evidence'>>;

export interface LoadedConfig {
  config: Config;
  /** Problems with the config file, each a sentence a user can act on. Analysis goes on with what was valid. */
  problems: string[];
}

export function emptyConfig(): Config {
  return { rules: {}, exclude: [], queryFunctions: [] };
}

const RULE_SETTINGS: readonly string[] = ['off', ...SEVERITIES];

/** Reads `stackscope.json` at the root. A missing file is fine; a broken one is reported, never fatal. */
export function loadConfig(root: string): LoadedConfig {
  const path = join(root, CONFIG_FILE);
  if (!existsSync(path)) return { config: emptyConfig(), problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { config: emptyConfig(), problems: [`${CONFIG_FILE}: not valid JSON (${(error as Error).message}); using defaults`] };
  }
  return parseConfig(raw, CONFIG_FILE);
}

export function parseConfig(raw: unknown, source: string): LoadedConfig {
  const config = emptyConfig();
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config, problems: [`${source}: expected an object with "rules", "exclude", "queryFunctions" and "contexts"; using defaults`] };
  }
  const { rules, exclude, queryFunctions, contexts, baseline, ...rest } = raw as Record<string, unknown>;
  for (const key of Object.keys(rest)) problems.push(`${source}: unknown key "${key}" (known: "rules", "exclude", "queryFunctions", "contexts", "baseline")`);
  if (baseline !== undefined) {
    if (typeof baseline !== 'string' || baseline === '') problems.push(`${source}: "baseline" must be the path of a baseline file`);
    else config.baseline = baseline;
  }
  if (contexts !== undefined) {
    const parsed = parseContexts(contexts, source, problems);
    if (parsed) config.contexts = parsed;
  }
  if (queryFunctions !== undefined) {
    if (!Array.isArray(queryFunctions) || queryFunctions.some((name) => typeof name !== 'string')) problems.push(`${source}: "queryFunctions" must be an array of function names`);
    else config.queryFunctions = queryFunctions as string[];
  }
  if (rules !== undefined) config.rules = parseRuleSettings(rules, `${source}: "rules"`, problems);
  if (exclude !== undefined) {
    if (!Array.isArray(exclude) || exclude.some((p) => typeof p !== 'string')) {
      problems.push(`${source}: "exclude" must be an array of glob strings`);
    } else {
      config.exclude = exclude as string[];
      problems.push(...unusablePatterns(config.exclude, `${source}: "exclude"`));
    }
  }
  return { config, problems };
}

/** A problem for each glob pattern that cannot be used (an empty one is easy to add in a settings editor): it is ignored. */
export function unusablePatterns(patterns: readonly string[], where: string): string[] {
  return patterns.flatMap((pattern) => {
    const problem = globProblem(pattern);
    return problem ? [`${where}: the pattern ${JSON.stringify(pattern)} is ignored (${problem})`] : [];
  });
}

/** Severities by rule or check id; a problem for each unknown id or value. */
function parseRuleSettings(raw: unknown, where: string, problems: string[]): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`${where} must be an object like {"n-plus-one": "warning", "insecure-session/default-cookie-name": "off"}`);
    return settings;
  }
  for (const [id, setting] of Object.entries(raw)) {
    if (checksSelected(id).length === 0) problems.push(`${where}: unknown rule or check "${id}" (\`stackscope rules\` lists them)`);
    else if (typeof setting !== 'string' || !RULE_SETTINGS.includes(setting)) problems.push(`${where}: rule "${id}" must be one of ${RULE_SETTINGS.join(', ')}`);
    else settings[id] = setting as RuleSetting;
  }
  return settings;
}

/** `contexts`: by name, the files (globs), severities and evidence of a context. */
function parseContexts(raw: unknown, source: string, problems: string[]): Record<string, ContextSettings> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`${source}: "contexts" must be an object like {"test": {"files": ["**/tests/**"], "rules": {"n-plus-one": "off"}}}`);
    return undefined;
  }
  const contexts: Record<string, ContextSettings> = {};
  for (const [name, value] of Object.entries(raw)) {
    const where = `${source}: "contexts.${name}"`;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${where} must be an object with "files", "rules" and "evidence"`);
      continue;
    }
    const { files, rules, evidence, ...rest } = value as Record<string, unknown>;
    for (const key of Object.keys(rest)) problems.push(`${where}: unknown key "${key}" (known: "files", "rules", "evidence")`);
    const context: ContextSettings = {};
    if (files !== undefined) {
      if (!Array.isArray(files) || files.some((glob) => typeof glob !== 'string')) problems.push(`${where}.files must be an array of glob strings`);
      else {
        context.files = files as string[];
        problems.push(...unusablePatterns(context.files, `${where}.files`));
      }
    }
    if (rules !== undefined) context.rules = parseRuleSettings(rules, `${where}.rules`, problems);
    if (evidence !== undefined) {
      if (typeof evidence !== 'boolean') problems.push(`${where}.evidence must be true or false`);
      else context.evidence = evidence;
    }
    contexts[name] = context;
  }
  return contexts;
}

/** Editor settings override the project file, rule by rule; excludes add up. */
export function mergeConfig(base: Config, override: Partial<Config>): Config {
  return {
    rules: { ...base.rules, ...(override.rules ?? {}) },
    exclude: [...base.exclude, ...(override.exclude ?? [])],
    queryFunctions: [...base.queryFunctions, ...(override.queryFunctions ?? [])],
    ...(base.contexts || override.contexts ? { contexts: { ...base.contexts, ...override.contexts } } : {}),
    ...(override.baseline ?? base.baseline ? { baseline: override.baseline ?? base.baseline } : {}),
  };
}

/**
 * The severity a finding is shown with: its context's setting for its check, else for its rule (a file's
 * context overrides the project, as a path override does), else the project's setting for its check, else
 * for its rule, else the check's default.
 */
export function configuredSeverity(config: Config, finding: { rule: string; check: string; severity: Severity }, context?: Pick<Context, 'rules'>): RuleSetting {
  return context?.rules[finding.check] ?? context?.rules[finding.rule] ?? config.rules[finding.check] ?? config.rules[finding.rule] ?? finding.severity;
}
