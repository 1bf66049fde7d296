// The `stackscope.*` settings of VS Code, as a partial config that overrides stackscope.json.
import type { Config, RuleSetting } from '../workspace/config';
import { SEVERITIES } from '../rules/rule';

const SETTINGS: readonly string[] = ['off', ...SEVERITIES];

/**
 * Reads the `stackscope` section: `rules` (by rule id) and `checks` (by check id, which win over their
 * rule's). `default` (or anything unknown) leaves the rule or check to stackscope.json.
 */
export function editorConfig(section: unknown): Partial<Config> {
  const config: Partial<Config> = {};
  if (typeof section !== 'object' || section === null) return config;
  const { rules, checks, exclude, queryFunctions } = section as {
    rules?: unknown;
    checks?: unknown;
    exclude?: unknown;
    queryFunctions?: unknown;
  };
  for (const settings of [rules, checks]) {
    if (typeof settings !== 'object' || settings === null) continue;
    config.rules ??= {};
    for (const [id, setting] of Object.entries(settings)) {
      if (typeof setting === 'string' && SETTINGS.includes(setting)) config.rules[id] = setting as RuleSetting;
    }
  }
  if (Array.isArray(exclude)) config.exclude = exclude.filter((pattern): pattern is string => typeof pattern === 'string');
  if (Array.isArray(queryFunctions)) config.queryFunctions = queryFunctions.filter((name): name is string => typeof name === 'string');
  return config;
}
