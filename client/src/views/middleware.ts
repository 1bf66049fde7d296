import * as vscode from 'vscode';
import type { FolderModel } from '../../../server/src/protocol/messages';
import { chainRow, type MiddlewareRow, type RowIcon } from './middleware-tree';
import { node, type ViewNode } from './node';

const ICONS: Record<RowIcon, () => vscode.ThemeIcon> = {
  chain: () => new vscode.ThemeIcon('layers'),
  stage: () => new vscode.ThemeIcon('symbol-namespace'),
  'broken-stage': () => new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  entry: () => new vscode.ThemeIcon('arrow-small-down'),
  plugin: () => new vscode.ThemeIcon('symbol-module'),
  router: () => new vscode.ThemeIcon('type-hierarchy-sub'),
  error: () => new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  warning: () => new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  info: () => new vscode.ThemeIcon('info'),
};

/** Each app's chain in order (see middleware-tree.ts for what each row shows). */
export function middlewareNodes(folders: readonly FolderModel[]): ViewNode[] {
  return folders.flatMap(({ folder, model }) => model.middleware.map((chain) => viewNode(chainRow(chain), folder)));
}

function viewNode(row: MiddlewareRow, folder: string): ViewNode {
  return node(row.label, {
    description: row.description,
    ...(row.tooltip.length ? { tooltip: new vscode.MarkdownString(row.tooltip.join('\n\n'), true) } : {}),
    icon: ICONS[row.icon](),
    ...(row.at ? { at: { folder, ...row.at } } : {}),
    ...(row.children.length ? { children: row.children.map((child) => viewNode(child, folder)), expanded: row.expanded } : {}),
  });
}
