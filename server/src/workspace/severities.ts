// The severity a finding is shown with. Settings come in layers, weakest first: the project's `rules`
// (the editor's settings merged over them), the file's context, then each path override whose globs
// match the file, in the order stackscope.json lists them. Within a layer a check's own setting wins
// over its rule's; a stronger layer that names the check or its rule wins over every weaker one, so a
// path override can turn a check back on in tests as well as off in legacy code.
import type { Severity } from '../model/types';
import type { PathOverride, RuleSetting } from './config';
import { excludeMatcher } from './files';

export type SettingsLayer = Readonly<Record<string, RuleSetting>>;

interface Graded {
  rule: string;
  check: string;
  severity: Severity;
}

export function severityIn(layers: readonly (SettingsLayer | undefined)[], finding: Graded): RuleSetting {
  for (let i = layers.length - 1; i >= 0; i--) {
    const setting = layers[i]?.[finding.check] ?? layers[i]?.[finding.rule];
    if (setting) return setting;
  }
  return finding.severity;
}

/**
 * For a path relative to the root, the settings of the overrides that match it, in order. A glob matches
 * a file or a folder it is in (`legacy` or `legacy/**`), as `exclude` does.
 */
export function overridesMatcher(overrides: readonly PathOverride[] = []): (relativePath: string) => SettingsLayer[] {
  const matchers = overrides.map((override) => ({
    rules: override.rules,
    matches: excludeMatcher(override.files.filter((glob) => glob.length > 0)),
  }));
  return (relativePath) => matchers.filter((m) => m.matches(relativePath)).map((m) => m.rules);
}

/**
 * Whether a rule can report anything: one of its checks is on in the project's settings, or some
 * context or override sets it (or its rule) to a severity. A rule that cannot is not run at all.
 */
export function mayReport(
  rule: { id: string; checks: readonly { id: string; severity: Severity }[] },
  project: SettingsLayer,
  others: readonly SettingsLayer[],
): boolean {
  return rule.checks.some((check) => {
    if (severityIn([project], { rule: rule.id, check: check.id, severity: check.severity }) !== 'off') return true;
    return others.some((layer) => [layer[check.id], layer[rule.id]].some((setting) => setting !== undefined && setting !== 'off'));
  });
}
