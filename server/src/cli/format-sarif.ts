// `check --format sarif`: SARIF 2.1.0 for code-scanning upload (GitHub, Azure DevOps, ...).
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../model/types';
import type { RuleMeta } from '../rules/rule';
import { toPosix } from '../workspace/files';
import { oneBased } from './format-json';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function region(range: Finding['range']) {
  const span = oneBased(range);
  return { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

export function findingsToSarif(root: string, findings: readonly Finding[], rules: readonly RuleMeta[], version: string) {
  const artifact = (file: string) => ({ uri: encodeURI(toPosix(relative(root, file))), uriBaseId: '%SRCROOT%' });
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Stackscope',
            version,
            informationUri: 'https://marketplace.visualstudio.com/items?itemName=stackscope.stackscope',
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)(\w)/g, (_, _dash, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.summary },
              fullDescription: { text: rule.summary },
              help: { text: rule.docs, markdown: rule.docs },
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(root).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.rule,
          ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: artifact(f.file), region: region(f.range) } }],
          ...(f.related?.length
            ? {
                relatedLocations: f.related.map((r, id) => ({
                  id,
                  message: { text: r.message },
                  physicalLocation: { artifactLocation: artifact(r.location.file), region: region(r.location.range) },
                })),
              }
            : {}),
          ...(f.fixes.length
            ? {
                fixes: f.fixes.map((fix) => ({
                  description: { text: fix.title },
                  artifactChanges: [...new Set(fix.edits.map((e) => e.file))].map((file) => ({
                    artifactLocation: artifact(file),
                    replacements: fix.edits
                      .filter((e) => e.file === file)
                      .map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
                  })),
                })),
              }
            : {}),
        })),
      },
    ],
  };
}
