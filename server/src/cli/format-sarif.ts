// `check --format sarif`: SARIF 2.1.0 for code-scanning upload (GitHub, Azure DevOps, ...). Its rules are
// Stackscope's checks, so code scanning lists a hard-coded secret apart from a missing SameSite.
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../model/types';
import { type Check, checkMarkdown } from '../rules/check';
import { checkDocsUrl } from '../rules/docs';
import { toPosix } from '../model/paths';
import { oneBased } from './format-json';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** What kind of problem each rule's checks find, for code scanning's filters. */
const KIND: Record<Check['rule'], string> = {
  'n-plus-one': 'performance',
  'missing-index': 'performance',
  'insecure-session': 'security',
  'middleware-order': 'correctness',
};

function region(range: Finding['range']) {
  const span = oneBased(range);
  return { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

const pascal = (id: string) => id.replace(/(^|[-/])(\w)/g, (_, _sep, c: string) => c.toUpperCase());

/** Fingerprints go in `partialFingerprints`, where code scanning looks to follow a result across commits. */
export function findingsToSarif(
  root: string,
  findings: readonly Finding[],
  checks: readonly Check[],
  version: string,
  fingerprints: ReadonlyMap<Finding, string>,
) {
  const artifact = (file: string) => ({ uri: encodeURI(toPosix(relative(root, file))), uriBaseId: '%SRCROOT%' });
  const checkIndex = new Map(checks.map((check, i) => [check.id, i]));
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
            rules: checks.map((check) => ({
              id: check.id,
              name: pascal(check.id),
              shortDescription: { text: check.summary },
              fullDescription: { text: check.docs.what.trim() },
              helpUri: checkDocsUrl(check),
              help: { text: checkMarkdown(check), markdown: checkMarkdown(check) },
              defaultConfiguration: { level: LEVEL[check.severity] },
              properties: { tags: [KIND[check.rule], check.rule, ...check.stacks] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(root).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.check,
          ...(checkIndex.has(f.check) ? { ruleIndex: checkIndex.get(f.check) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: artifact(f.file), region: region(f.range) } }],
          ...(fingerprints.has(f) ? { partialFingerprints: { 'stackscope/v1': fingerprints.get(f) } } : {}),
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
