import * as vscode from 'vscode';
import type { FolderModel } from '../../../server/src/protocol/messages';
import { chainRow, type RowIcon } from './middleware-tree';
import { FINDING_ICONS, rowNode, type ViewNode } from './node';

const ICONS: Record<RowIcon, () => vscode.ThemeIcon> = {
  chain: () => new vscode.ThemeIcon('layers'),
  stage: () => new vscode.ThemeIcon('symbol-namespace'),
  'broken-stage': FINDING_ICONS.error,
  entry: () => new vscode.ThemeIcon('arrow-small-down'),
  plugin: () => new vscode.ThemeIcon('symbol-module'),
  router: () => new vscode.ThemeIcon('type-hierarchy-sub'),
  routes: () => new vscode.ThemeIcon('list-tree'),
  ...FINDING_ICONS,
};

/** Each app's chain in order (see middleware-tree.ts for what each row shows). */
export function middlewareNodes(folders: readonly FolderModel[]): ViewNode[] {
  return folders.flatMap(({ folder, model }) => model.middleware.map((chain) => rowNode(chainRow(chain), folder, ICONS)));
}
