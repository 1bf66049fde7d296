// Hovers: on a finding whose check explains itself in a hover (a read that costs a query per row: what
// it costs and where the rows come from), that explanation; on a middleware entry, its place in the
// chain and what runs before it.
import { relative } from 'node:path';
import type { Hover, Position } from 'vscode-languageserver';
import type { Finding, MiddlewareChain, MiddlewareEntry, ProjectModel, Range } from '../model/types';
import { shortEntryName } from '../protocol/entry-names';
import { checkById } from '../rules';
import { checkDocsUrl } from '../rules/docs';

const contains = (range: Range, at: Position) =>
  (at.line > range.start.line || (at.line === range.start.line && at.character >= range.start.character)) &&
  (at.line < range.end.line || (at.line === range.end.line && at.character <= range.end.character));

export function hoverAt(model: ProjectModel, findings: readonly Finding[], file: string, at: Position): Hover | undefined {
  for (const finding of findings) {
    const check = finding.file === file && contains(finding.range, at) ? checkById(finding.check) : undefined;
    if (!check?.hover) continue;
    const source = finding.related?.[0]?.location;
    const place = source ? `${relative(model.root, source.file)}:${source.range.start.line + 1}` : 'the loop';
    const lead = check.hover.replace(/\{\{\s*place\s*\}\}/g, place);
    return {
      range: finding.range,
      contents: { kind: 'markdown', value: `${lead}\n\n${finding.message}\n\n[${check.id}](${checkDocsUrl(check)})` },
    };
  }
  for (const chain of model.middleware) {
    // Entries registered by a setup function live in that function's file.
    const index = chain.entries.findIndex((entry) => entry.location.file === file && contains(entry.location.range, at));
    if (index === -1) continue;
    const entry = chain.entries[index];
    const before = chain.entries.slice(Math.max(0, index - 3), index).map((e) => `\`${shortEntryName(e.name)}\``);
    const lines = [
      `**${shortEntryName(entry.name)}** — ${index + 1} of ${chain.entries.length} in the ${chain.stack} chain \`${chain.app}\`${entry.role ? ` (${entry.role})` : ''}.`,
      before.length
        ? `Runs after ${before.join(', ')} on each request, and before them on the response.`
        : 'Runs first on each request, and last on the response.',
      ...whereFrom(entry, chain, model.root),
    ];
    return { range: entry.location.range, contents: { kind: 'markdown', value: lines.join('\n\n') } };
  }
  return undefined;
}

/** NestJS stages as a reader names them. */
const STAGES: Record<string, string> = { guard: 'guard', interceptor: 'interceptor', pipe: 'pipe', filter: 'exception filter' };

/** What put the entry where it is: its Nest stage and module, its Fastify context, the setup function that registered it. */
function whereFrom(entry: MiddlewareEntry, chain: MiddlewareChain, root: string): string[] {
  const lines: string[] = [];
  if (entry.stage === 'global')
    lines.push('Global middleware (`app.use` in the bootstrap): runs before all module middleware, guards, interceptors and pipes.');
  else if (entry.stage === 'module')
    lines.push(
      `Module middleware of \`${entry.module ?? '?'}\` (its \`configure(consumer)\`): runs after the global middleware, before the guards.`,
    );
  else if (entry.stage) {
    const stage = STAGES[entry.stage];
    // A bound guard runs after the global ones: global → controller → route.
    if (entry.scope)
      lines.push(
        `A ${stage} bound to \`${entry.scope}\` with @Use${entry.stage === 'filter' ? 'Filters' : `${entry.stage[0].toUpperCase()}${entry.stage.slice(1)}s`}: runs after the global ${stage}s.`,
      );
    else lines.push(`A global ${stage}${entry.module ? `, provided by \`${entry.module}\`` : ''}.`);
  }
  if (entry.context !== undefined) {
    const opener = chain.entries.find((other) => other.opens === entry.context);
    lines.push(
      `In the context opened by \`${opener?.name ?? entry.context}\`: it applies to what that plugin registers, not to the rest of the app.`,
    );
  }
  if (entry.via)
    lines.push(
      `Registered through \`${entry.via.call}\` at ${relative(root, entry.via.location.file)}:${entry.via.location.range.start.line + 1}.`,
    );
  return lines;
}
