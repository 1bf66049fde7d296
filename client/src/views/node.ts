// The explorer's tree nodes: a TreeItem plus its children, built eagerly from the model (the model
// of a project is small; building it whole keeps each view a plain function of the model).
import { join } from 'node:path';
import * as vscode from 'vscode';

export interface ViewNode {
  item: vscode.TreeItem;
  children?: ViewNode[];
}

export interface Place {
  folder: string;
  file: string;
  line: number;
  column?: number;
}

export function node(label: string, options: { description?: string; tooltip?: string | vscode.MarkdownString; icon?: vscode.ThemeIcon; at?: Place; children?: ViewNode[]; expanded?: boolean; contextValue?: string }): ViewNode {
  const collapsed = options.children?.length
    ? options.expanded
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.Collapsed
    : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(label, collapsed);
  item.description = options.description;
  item.tooltip = options.tooltip;
  item.iconPath = options.icon;
  item.contextValue = options.contextValue;
  if (options.at) {
    const file = join(options.at.folder, options.at.file);
    item.command = { command: 'stackscope.openLocation', title: 'Open', arguments: [file, options.at.line, options.at.column ?? 1] };
  }
  return { item, children: options.children };
}

/** A TreeDataProvider over nodes rebuilt whenever the model changes. */
export class NodeTree implements vscode.TreeDataProvider<ViewNode> {
  private roots: ViewNode[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  set(roots: ViewNode[]): void {
    this.roots = roots;
    this.changed.fire();
  }

  get isEmpty(): boolean {
    return this.roots.length === 0;
  }

  getTreeItem(element: ViewNode): vscode.TreeItem {
    return element.item;
  }

  getChildren(element?: ViewNode): ViewNode[] {
    return element ? element.children ?? [] : this.roots;
  }
}
