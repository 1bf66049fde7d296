// Hovers: on a read that costs a query per row, what it costs and where the rows come from; on a
// middleware entry, its place in the chain and what runs before it.
import { relative } from 'node:path';
import type { Hover, Position } from 'vscode-languageserver';
import type { Finding, ProjectModel, Range } from '../model/types';

const contains = (range: Range, at: Position) =>
  (at.line > range.start.line || (at.line === range.start.line && at.character >= range.start.character)) &&
  (at.line < range.end.line || (at.line === range.end.line && at.character <= range.end.character));

export function hoverAt(model: ProjectModel, findings: readonly Finding[], file: string, at: Position): Hover | undefined {
  const n1 = findings.find((f) => f.rule === 'n-plus-one' && f.file === file && contains(f.range, at));
  if (n1) {
    const source = n1.related?.[0];
    const from = source ? ` The rows come from ${relative(model.root, source.location.file)}:${source.location.range.start.line + 1}.` : '';
    return {
      range: n1.range,
      contents: { kind: 'markdown', value: `**Stackscope: 1 + N queries.** This runs once per row: a page of 50 rows costs 51 queries instead of 1 or 2.${from}\n\n${n1.message}` },
    };
  }
  for (const chain of model.middleware) {
    // Entries registered by a setup function live in that function's file.
    const index = chain.entries.findIndex((entry) => entry.location.file === file && contains(entry.location.range, at));
    if (index === -1) continue;
    const entry = chain.entries[index];
    const before = chain.entries.slice(Math.max(0, index - 3), index).map((e) => `\`${e.name.split('.').pop()}\``);
    const lines = [
      `**${entry.name.split('.').pop()}** — ${index + 1} of ${chain.entries.length} in the ${chain.stack} chain \`${chain.app}\`${entry.role ? ` (${entry.role})` : ''}.`,
      before.length ? `Runs after ${before.join(', ')} on each request, and before them on the response.` : 'Runs first on each request, and last on the response.',
    ];
    return { range: entry.location.range, contents: { kind: 'markdown', value: lines.join('\n\n') } };
  }
  return undefined;
}
