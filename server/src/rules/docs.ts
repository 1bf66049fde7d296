// Where each check is documented: a page per rule under docs/rules/, a section per check, generated
// from the checks themselves (`npm run docs`), so the docs, SARIF's help and `stackscope rule ID` agree.
import { type Check, checkMarkdown } from './check';
import type { Rule } from './rule';

const DOCS_BASE = 'https://github.com/stackscope/stackscope/blob/main/docs/rules';

/** The docs page of a rule, relative to the repository's root. */
export const rulePagePath = (rule: Rule) => `docs/rules/${rule.id}.md`;

export function checkDocsUrl(check: Check): string {
  return `${DOCS_BASE}/${check.rule}.md#${check.id.replace('/', '')}`;
}

/** A rule's page: its checks in a table, then each check's documentation. */
export function rulePage(rule: Rule): string {
  const rows = rule.checks.map(
    (check) => `| [\`${check.id}\`](#${check.id.replace('/', '')}) | ${check.severity} | ${check.stacks.join(', ')} | ${check.summary} |`,
  );
  return [
    `<!-- Generated from server/src/rules/${rule.id}/ by \`npm run docs\`: edit the checks, not this file. -->`,
    `# ${rule.id}`,
    '',
    rule.summary,
    '',
    '| check | default | stacks | finds |',
    '|---|---|---|---|',
    ...rows,
    '',
    ...rule.checks.map((check) => checkMarkdown(check).replace(/^# /, '## ').replace(/\n## /g, '\n### ')),
  ].join('\n');
}

/** The README's table of checks: one row per check, each linking to its documentation. */
export function checksTable(rules: readonly Rule[]): string {
  const rows = rules.flatMap((rule) =>
    rule.checks.map(
      (check) =>
        `| [\`${check.id}\`](${rulePagePath(rule)}#${check.id.replace('/', '')}) | ${check.severity} | ${check.stacks.join(', ')} | ${check.summary} |`,
    ),
  );
  return ['| check | default | stacks | finds |', '|---|---|---|---|', ...rows].join('\n');
}
