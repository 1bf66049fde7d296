// The entity-relationship diagram as cytoscape elements, built from the explorer's JSON model: one
// node per model (its fields with key, index and relation markers), one edge per relation field.
// Findings come from Stackscope's diagnostics and mark the model and field lines they point at.
// No `vscode` import: the panel feeds it, the unit tests call it directly.
import { join, normalize } from 'node:path';
import type { FolderModel } from '../../../server/src/protocol/messages';
import type { JsonModel } from '../../../server/src/protocol/model-json';
import { fieldKey } from '../../../server/src/protocol/model-labels';
import type { DiagramElement, FindingMark, ModelNodeData, Severity } from './protocol';

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info', 'hint'];

export const MARKERS = {
  primaryKey: 'PK',
  indexed: '◆',
  relation: '→',
  finding: '⚠',
} as const;

/** Paths from the server and from VS Code's diagnostics may differ in separators or drive-letter case. */
function pathKey(path: string): string {
  return normalize(path).replace(/^[A-Z]:/, (drive) => drive.toLowerCase());
}

/** Findings by file, then by 1-based line. */
function indexFindings(findings: readonly FindingMark[]): Map<string, Map<number, FindingMark[]>> {
  const byFile = new Map<string, Map<number, FindingMark[]>>();
  for (const finding of findings) {
    const key = pathKey(finding.file);
    const lines = byFile.get(key) ?? new Map<number, FindingMark[]>();
    lines.set(finding.line, [...(lines.get(finding.line) ?? []), finding]);
    byFile.set(key, lines);
  }
  return byFile;
}

function fieldLine(field: JsonModel['fields'][number]): string {
  const key = fieldKey(field);
  const markers = key === 'pk' ? [MARKERS.primaryKey] : key ? [`${MARKERS.indexed} ${key}`] : [];
  const head = field.relation ? `${field.name} ${MARKERS.relation} ${field.relation.target}` : `${field.name}: ${field.type}`;
  return [head, ...markers].join(' ');
}

/** Indexes the field markers cannot show: those over several columns or an expression. */
function indexLines(model: JsonModel): string[] {
  return model.indexes
    .filter((index) => index.fields.length !== 1)
    .map((index) => `${MARKERS.indexed}${index.unique ? ' unique' : ''} (${index.fields.join(', ') || 'expression'})`);
}

function worst(findings: readonly FindingMark[]): Severity | undefined {
  return SEVERITY_ORDER.find((severity) => findings.some((f) => f.severity === severity));
}

/** `library.Author` and `Author` name the same model; the JSON model carries no app labels to tell more. */
function targetName(written: string): string {
  return written.slice(written.lastIndexOf('.') + 1);
}

export function diagramElements(folders: readonly FolderModel[], findings: readonly FindingMark[] = []): DiagramElement[] {
  const findingsIn = indexFindings(findings);
  const at = (file: string, line: number | undefined) => (line === undefined ? [] : (findingsIn.get(pathKey(file))?.get(line) ?? []));
  const nodes: DiagramElement[] = [];
  const edges: DiagramElement[] = [];
  const externals = new Set<string>();

  for (const { folder, model } of folders) {
    const nodeId = (m: JsonModel) => `model:${join(folder, m.file)}#${m.name}`;

    for (const m of model.models) {
      const file = join(folder, m.file);
      const lines = [m.name, `${m.table} · ${m.stack}`];
      const fieldLines: string[] = [];
      // Each source line counts once: an index declared on a field's own line (`unique=True`) is that field's.
      const seen = new Set<string>();
      const hits: FindingMark[] = [];
      const collect = (where: string, line: number | undefined) => {
        const key = `${where}:${line}`;
        const found = at(where, line);
        if (!seen.has(key)) hits.push(...found);
        seen.add(key);
        return found;
      };
      collect(file, m.line);
      for (const field of m.fields) {
        const marked = collect(field.file ? join(folder, field.file) : file, field.line).length > 0;
        fieldLines.push(marked ? `${fieldLine(field)} ${MARKERS.finding}` : fieldLine(field));
      }
      for (const index of m.indexes) collect(index.file ? join(folder, index.file) : file, index.line);
      const body = [...fieldLines, ...indexLines(m)];
      const rule = '─'.repeat(Math.max(...[...lines, ...body].map((line) => line.length), 8));
      const messages = [...new Set(hits.map((f) => f.message))];
      const data: ModelNodeData = {
        id: nodeId(m),
        kind: 'model',
        name: m.name,
        label: [...lines, ...(body.length > 0 ? [rule, ...body] : [])].join('\n'),
        stack: m.stack,
        table: m.table,
        file,
        line: m.line,
        column: m.column,
        findings: messages,
        ...(hits.length > 0 ? { severity: worst(hits) } : {}),
      };
      nodes.push({ group: 'nodes', data, classes: hits.length > 0 ? 'model findings' : 'model' });
    }

    for (const m of model.models) {
      for (const field of m.fields) {
        const relation = field.relation;
        // A generic foreign key points at any model: no edge to draw.
        if (!relation || relation.kind === 'generic') continue;
        const name = targetName(relation.target);
        const candidates = model.models.filter((other) => other.name === name);
        const target =
          candidates.find((other) => other.stack === m.stack && other.file === m.file) ??
          candidates.find((other) => other.stack === m.stack) ??
          candidates[0];
        let targetId: string;
        if (target) targetId = nodeId(target);
        else {
          targetId = `external:${folder}#${relation.target}`;
          if (!externals.has(targetId)) {
            externals.add(targetId);
            nodes.push({
              group: 'nodes',
              data: { id: targetId, kind: 'external', name: relation.target, label: relation.target },
              classes: 'external',
            });
          }
        }
        edges.push({
          group: 'edges',
          data: {
            id: `${nodeId(m)}.${field.name}`,
            source: nodeId(m),
            target: targetId,
            kind: relation.kind,
            field: field.name,
            label: `${relation.kind} ${field.name}${relation.through ? ` (through ${relation.through})` : ''}`,
          },
          classes: relation.kind,
        });
      }
    }
  }
  return [...nodes, ...edges];
}
