import * as vscode from 'vscode';
import type { ModelStore } from '../model-store';
import { registerGoToModel } from './go-to-model';
import { middlewareNodes } from './middleware';
import { modelNodes } from './models';
import { NodeTree, type ViewNode } from './node';
import { signalNodes } from './signals';
import type { FolderModel } from '../../../server/src/protocol/messages';

const VIEWS: [id: string, build: (folders: readonly FolderModel[]) => ViewNode[]][] = [
  ['stackscope.models', modelNodes],
  ['stackscope.signals', signalNodes],
  ['stackscope.middleware', middlewareNodes],
];

/** The three explorer views; each rebuilds from the model when it changes. Empty views show their welcome text. */
export function registerViews(context: vscode.ExtensionContext, store: ModelStore): void {
  for (const [id, build] of VIEWS) {
    const tree = new NodeTree();
    const view = vscode.window.createTreeView(id, { treeDataProvider: tree, showCollapseAll: true });
    const update = () => {
      tree.set(build(store.model.folders));
      void vscode.commands.executeCommand('setContext', `${id}.empty`, tree.isEmpty);
    };
    context.subscriptions.push(view, store.onDidChange(update));
    if (id === 'stackscope.models') context.subscriptions.push(registerGoToModel(tree, view));
  }
}
