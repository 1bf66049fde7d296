import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Severity } from '../model/types';
import { SEVERITIES } from '../rules/rule';
import { checksSelected } from '../rules';

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
}

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
    return { config, problems: [`${source}: expected an object with "rules", "exclude" and "queryFunctions"; using defaults`] };
  }
  const { rules, exclude, queryFunctions, ...rest } = raw as Record<string, unknown>;
  for (const key of Object.keys(rest)) problems.push(`${source}: unknown key "${key}" (known: "rules", "exclude", "queryFunctions")`);
  if (queryFunctions !== undefined) {
    if (!Array.isArray(queryFunctions) || queryFunctions.some((name) => typeof name !== 'string')) problems.push(`${source}: "queryFunctions" must be an array of function names`);
    else config.queryFunctions = queryFunctions as string[];
  }
  if (rules !== undefined) {
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
      problems.push(`${source}: "rules" must be an object like {"n-plus-one": "warning", "insecure-session/default-cookie-name": "off"}`);
    } else {
      for (const [id, setting] of Object.entries(rules)) {
        if (checksSelected(id).length === 0) problems.push(`${source}: unknown rule or check "${id}" (\`stackscope rules\` lists them)`);
        else if (typeof setting !== 'string' || !RULE_SETTINGS.includes(setting)) {
          problems.push(`${source}: rule "${id}" must be one of ${RULE_SETTINGS.join(', ')}`);
        } else config.rules[id] = setting as RuleSetting;
      }
    }
  }
  if (exclude !== undefined) {
    if (!Array.isArray(exclude) || exclude.some((p) => typeof p !== 'string')) {
      problems.push(`${source}: "exclude" must be an array of glob strings`);
    } else config.exclude = exclude as string[];
  }
  return { config, problems };
}

/** Editor settings override the project file, rule by rule; excludes add up. */
export function mergeConfig(base: Config, override: Partial<Config>): Config {
  return {
    rules: { ...base.rules, ...(override.rules ?? {}) },
    exclude: [...base.exclude, ...(override.exclude ?? [])],
    queryFunctions: [...base.queryFunctions, ...(override.queryFunctions ?? [])],
  };
}

/** The severity a finding is shown with: its check's setting, else its rule's, else the check's default. */
export function configuredSeverity(config: Config, finding: { rule: string; check: string; severity: Severity }): RuleSetting {
  return config.rules[finding.check] ?? config.rules[finding.rule] ?? finding.severity;
}
