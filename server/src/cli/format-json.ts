// `check --format json`: a public contract other tools consume. Keys may be added, never renamed.
import { relative } from 'node:path';
import type { Finding, Range } from '../model/types';
import { toPosix } from '../model/paths';

export interface JsonSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** LSP ranges are 0-based; every output a person or a tool reads is 1-based. */
export function oneBased(range: Range): JsonSpan {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** `fingerprints`: see workspace/fingerprints.ts; stable across unrelated edits, for baselines and CI. */
export function findingsToJson(root: string, findings: readonly Finding[], fingerprints: ReadonlyMap<Finding, string>) {
  const rel = (file: string) => toPosix(relative(root, file));
  return {
    version: 1,
    findings: findings.map((f) => ({
      rule: f.rule,
      check: f.check,
      fingerprint: fingerprints.get(f),
      severity: f.severity,
      file: rel(f.file),
      ...oneBased(f.range),
      message: f.message,
      fixes: f.fixes.map((fix) => ({
        title: fix.title,
        edits: fix.edits.map((e) => ({ file: rel(e.file), ...oneBased(e.range), newText: e.newText })),
      })),
      ...(f.related?.length
        ? { related: f.related.map((r) => ({ file: rel(r.location.file), ...oneBased(r.location.range), message: r.message })) }
        : {}),
    })),
  };
}
