import * as vscode from 'vscode';
import type { FolderModel } from '../../../server/src/protocol/messages';
import { node, type ViewNode } from './node';

/** Models → fields (key, index and relation markers) and indexes, each opening its source. */
export function modelNodes(folders: readonly FolderModel[]): ViewNode[] {
  return folders.flatMap(({ folder, model }) =>
    model.models.map((m) => {
      const fields = m.fields.map((field) => {
        const markers = [field.primaryKey ? 'pk' : '', field.unique && !field.primaryKey ? 'unique' : '', field.indexed ? 'indexed' : ''].filter(Boolean);
        const icon = field.primaryKey
          ? new vscode.ThemeIcon('key')
          : field.relation
            ? new vscode.ThemeIcon('references')
            : field.indexed
              ? new vscode.ThemeIcon('symbol-key')
              : new vscode.ThemeIcon('symbol-field');
        const type = field.relation ? `${field.type} → ${field.relation.target}` : field.type;
        return node(field.name, {
          description: [type, markers.join(', ')].filter(Boolean).join('  '),
          tooltip: `${m.name}.${field.name}: column ${field.column}, ${type}${markers.length ? ` (${markers.join(', ')})` : ''}`,
          icon,
          at: { folder, file: field.file ?? m.file, line: field.line },
        });
      });
      const indexes = m.indexes.map((index) =>
        node(`index (${index.fields.join(', ') || 'expression'})`, {
          description: `${index.unique ? 'unique, ' : ''}${index.source}`,
          icon: new vscode.ThemeIcon('list-ordered'),
          ...(index.line ? { at: { folder, file: index.file ?? m.file, line: index.line } } : {}),
        }),
      );
      return node(m.name, {
        description: `${m.table} · ${m.stack}`,
        tooltip: `${m.name} (${m.stack}), table ${m.table}\n${m.file}:${m.line}`,
        icon: new vscode.ThemeIcon('database'),
        at: { folder, file: m.file, line: m.line, column: m.column },
        children: [...fields, ...indexes],
      });
    }),
  );
}
