// The Models view's tree as plain data, built from the JSON model. A real project has 50 to 100
// models: from GROUP_FROM models on, they are grouped by Django app or by source folder. A model
// with findings is marked with the most severe one and says how many it has. models.ts turns the
// rows into tree items; kept apart so the tree can be checked without an editor.
import { posix } from 'node:path';
import type { JsonModel } from '../../../server/src/protocol/model-json';
import { fieldKey, indexOrigin, listedFindings } from '../../../server/src/protocol/model-labels';
import { findingMark, plural, type Row } from './row';

export type ModelIcon = 'group' | 'model' | 'primary-key' | 'relation' | 'indexed' | 'field' | 'index' | 'error' | 'warning' | 'info';

export type ModelRow = Row<ModelIcon>;

/** Below this many models in a workspace folder the list stays flat: groups would only add clicks. */
export const GROUP_FROM = 15;

export function modelRows(models: readonly JsonModel[]): ModelRow[] {
  const ids = new Map<string, number>();
  const rows = models.map((model) => {
    const row = modelRow(model);
    // Two models of one name in one file (declared under an `if`) are told apart by their order.
    const seen = ids.get(row.id!) ?? 0;
    ids.set(row.id!, seen + 1);
    return seen ? { ...row, id: `${row.id}#${seen + 1}` } : row;
  });
  if (models.length < GROUP_FROM) return rows;
  const groups = new Map<string, { models: JsonModel[]; rows: ModelRow[] }>();
  models.forEach((model, i) => {
    const key = groupOf(model);
    const group = groups.get(key) ?? { models: [], rows: [] };
    group.models.push(model);
    group.rows.push(rows[i]);
    groups.set(key, group);
  });
  if (groups.size < 2) return rows;
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([folder, group]) => groupRow(folder, group.models, group.rows));
}

/**
 * Where a model lives: its Django app's folder (the folder of `models.py`, or the one holding a
 * `models/` package), or its source folder for the other stacks (`src/entities`, `prisma`).
 */
export function groupOf(model: JsonModel): string {
  const dir = posix.dirname(model.file);
  return model.stack === 'django' && posix.basename(dir) === 'models' ? posix.dirname(dir) : dir;
}

function worstOf(model: JsonModel): 'error' | 'warning' | 'info' | undefined {
  return findingMark((['error', 'warning', 'info'] as const).find((severity) => model.findingCounts[severity] > 0));
}

function groupRow(folder: string, models: readonly JsonModel[], rows: ModelRow[]): ModelRow {
  const findings = models.reduce((sum, model) => sum + listedFindings(model.findingCounts), 0);
  // A Django app whose label is not its folder's name (an AppConfig.label) says which label it has.
  const app = models.find((model) => model.app)?.app;
  const parts = [
    plural(models.length, 'model'),
    app && app !== posix.basename(folder) ? `app ${app}` : '',
    findings ? plural(findings, 'finding') : '',
  ];
  return {
    label: folder === '.' ? '(top level)' : folder,
    description: parts.filter(Boolean).join(' · '),
    tooltip: [],
    icon: 'group',
    children: rows,
    expanded: false,
    kind: 'group',
    id: `group:${folder}`,
  };
}

/** Models → fields (key, index and relation markers) and indexes, each opening its source. */
function modelRow(m: JsonModel): ModelRow {
  const findings = listedFindings(m.findingCounts);
  return {
    label: m.name,
    description: [m.table, m.stack, findings ? plural(findings, 'finding') : ''].filter(Boolean).join(' · '),
    tooltip: [`**${m.name}** (${m.stack}${m.app ? `, app \`${m.app}\`` : ''}), table \`${m.table}\``, `${m.file}:${m.line}`, ...m.findings],
    icon: worstOf(m) ?? 'model',
    at: { file: m.file, line: m.line, column: m.column },
    children: [...m.fields.map((field) => fieldRow(m, field)), ...m.indexes.map((index) => indexRow(m, index))],
    expanded: false,
    kind: 'model',
    id: `model:${m.stack}:${m.file}:${m.name}`,
  };
}

function fieldRow(m: JsonModel, field: JsonModel['fields'][number]): ModelRow {
  const marker = fieldKey(field);
  const type = field.relation ? `${field.type} → ${field.relation.target}` : field.type;
  return {
    label: field.name,
    description: [type, marker].filter(Boolean).join('  '),
    tooltip: [`${m.name}.${field.name}: column \`${field.column}\`, ${type}${marker ? ` (${marker})` : ''}`],
    icon: field.primaryKey ? 'primary-key' : field.relation ? 'relation' : field.indexed ? 'indexed' : 'field',
    at: { file: field.file ?? m.file, line: field.line },
    children: [],
    expanded: false,
  };
}

function indexRow(m: JsonModel, index: JsonModel['indexes'][number]): ModelRow {
  return {
    label: `index (${index.fields.join(', ') || 'expression'})`,
    description: indexOrigin(index),
    tooltip: [],
    icon: 'index',
    ...(index.line ? { at: { file: index.file ?? m.file, line: index.line } } : {}),
    children: [],
    expanded: false,
  };
}
