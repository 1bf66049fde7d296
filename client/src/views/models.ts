import * as vscode from 'vscode';
import type { FolderModel } from '../../../server/src/protocol/messages';
import { type ModelIcon, modelRows } from './models-tree';
import { FINDING_ICONS, rowNode, type ViewNode } from './node';

const ICONS: Record<ModelIcon, () => vscode.ThemeIcon> = {
  group: () => new vscode.ThemeIcon('folder'),
  model: () => new vscode.ThemeIcon('database'),
  'primary-key': () => new vscode.ThemeIcon('key'),
  relation: () => new vscode.ThemeIcon('references'),
  indexed: () => new vscode.ThemeIcon('symbol-key'),
  field: () => new vscode.ThemeIcon('symbol-field'),
  index: () => new vscode.ThemeIcon('list-ordered'),
  ...FINDING_ICONS,
};

/** Each folder's models, grouped on a large project (see models-tree.ts for what each row shows). */
export function modelNodes(folders: readonly FolderModel[]): ViewNode[] {
  return folders.flatMap(({ folder, model }) => modelRows(model.models).map((row) => rowNode(row, folder, ICONS)));
}
