import { relative } from 'node:path';
import type { Finding, Severity } from '../model/types';
import type { JsonProjectModel } from '../protocol/model-json';
import { fieldKey, indexOrigin, listedFindings } from '../protocol/model-labels';
import { toPosix } from '../model/paths';

/** One line per finding, like ruff and eslint's unix formatter, then a summary. */
export function findingsToText(root: string, findings: readonly Finding[]): string {
  const lines = findings.map((f) => {
    const where = `${toPosix(relative(root, f.file))}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
    const fixable = f.fixes.length > 0 ? ' (fixable)' : '';
    return `${where}  ${f.severity}  ${f.message}  [${f.check}]${fixable}`;
  });
  lines.push(summary(findings));
  return lines.join('\n') + '\n';
}

function summary(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No problems found.';
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  const files = new Set(findings.map((f) => f.file)).size;
  const parts = (['error', 'warning', 'info', 'hint'] as const)
    .map((s) => [s, count(s)] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`);
  const fixable = findings.filter((f) => f.fixes.length > 0).length;
  return `${findings.length} problem${findings.length === 1 ? '' : 's'} (${parts.join(', ')}) in ${files} file${files === 1 ? '' : 's'}; ${fixable} with a quick fix.`;
}

/** `model` without --format json: an outline a person can read. */
export function modelToText(model: JsonProjectModel): string {
  const out: string[] = [];
  out.push(`Models (${model.models.length})`);
  for (const m of model.models) {
    const findings = listedFindings(m.findingCounts);
    out.push(
      `  ${m.name}  [${m.stack}] table ${m.table}  ${m.file}:${m.line}${findings ? `  !! ${findings} finding${findings === 1 ? '' : 's'}` : ''}`,
    );
    for (const f of m.fields) {
      const key = fieldKey(f);
      const relation = f.relation ? ` -> ${f.relation.target} (${f.relation.kind})` : '';
      out.push(`    ${f.name}: ${f.type}${relation}${key ? `  [${key}]` : ''}`);
    }
    for (const i of m.indexes) out.push(`    index (${i.fields.join(', ')})  from ${indexOrigin(i)}`);
  }
  out.push(`Signals (${model.signals.length})`);
  for (const s of model.signals) {
    const sender = s.sender ? ` sender=${s.sender}` : '';
    out.push(`  ${s.signal} -> ${s.handler}${sender}  ${s.file}:${s.line}${s.connected ? '' : '  (never connected)'}`);
  }
  for (const source of model.signalSources)
    out.push(`  ${source.signal} ${source.kind === 'send' ? 'sent' : 'defined'}  ${source.file}:${source.line}`);
  out.push(`Middleware (${model.middleware.length} chain${model.middleware.length === 1 ? '' : 's'})`);
  for (const chain of model.middleware) {
    out.push(`  ${chain.app}  [${chain.stack}]  ${chain.file}:${chain.line}`);
    chain.chain.forEach((entry, i) => {
      const flag = entry.findings.length ? `  !! ${entry.findings[0]}` : '';
      out.push(`    ${i + 1}. ${entry.name}${flag}`);
    });
  }
  return out.join('\n') + '\n';
}
