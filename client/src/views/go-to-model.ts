// "Go to Model…": a quick pick over every model of the Models view, filtered as the user types;
// the chosen model opens at its declaration and is revealed (and selected) in the view. On a
// project of 70 models in a dozen groups this is faster than unfolding groups.
import * as vscode from 'vscode';
import type { NodeTree, ViewNode } from './node';

export const GO_TO_MODEL_COMMAND = 'stackscope.goToModel';

interface ModelPick extends vscode.QuickPickItem {
  /** The model's tree item id: the tree may be rebuilt while the pick is open. */
  id: string;
}

const text = (label: vscode.TreeItem['label']) => (typeof label === 'string' ? label : (label?.label ?? ''));

export function registerGoToModel(tree: NodeTree, view: vscode.TreeView<ViewNode>): vscode.Disposable {
  return vscode.commands.registerCommand(GO_TO_MODEL_COMMAND, async () => {
    const picks: ModelPick[] = tree
      .all()
      .filter((node) => node.item.contextValue === 'model' && node.item.id)
      .map((node) => {
        const group = tree.getParent(node);
        return {
          label: `$(database) ${text(node.item.label)}`,
          description: [group ? text(group.item.label) : '', typeof node.item.description === 'string' ? node.item.description : '']
            .filter(Boolean)
            .join(' · '),
          id: node.item.id!,
        };
      });
    if (picks.length === 0) {
      void vscode.window.showInformationMessage('Stackscope has found no models in this workspace yet.');
      return;
    }
    const picked = await vscode.window.showQuickPick(picks, {
      placeHolder: 'Go to a model (type to filter by name, folder or table)',
      matchOnDescription: true,
    });
    const node = picked && tree.byId(picked.id);
    if (!node) return;
    // Selected first: opening the file makes the server analyse it and the tree be served again,
    // which keeps the selection of an item with an id. A reveal that fails (the tree rebuilt at that
    // very moment) must not keep the model from opening.
    await view.reveal(node, { select: true, focus: false, expand: false }).then(undefined, () => undefined);
    const open = node.item.command;
    if (open) await vscode.commands.executeCommand(open.command, ...(open.arguments ?? []));
  });
}
