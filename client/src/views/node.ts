// The explorer's tree nodes: a TreeItem plus its children, built eagerly from the model (the model
// of a project is small; building it whole keeps each view a plain function of the model).
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Row } from './row';

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

export function node(
  label: string,
  options: {
    description?: string;
    tooltip?: string | vscode.MarkdownString;
    icon?: vscode.ThemeIcon;
    at?: Place;
    children?: ViewNode[];
    expanded?: boolean;
    contextValue?: string;
  },
): ViewNode {
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

/** The marks of rows with findings, alike in every view. */
export const FINDING_ICONS = {
  error: () => new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  warning: () => new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  info: () => new vscode.ThemeIcon('info'),
};

/** A row of a view (see row.ts) and its children as tree nodes, their icons drawn from `icons`. */
export function rowNode<Icon extends string>(row: Row<Icon>, folder: string, icons: Record<Icon, () => vscode.ThemeIcon>): ViewNode {
  const built = node(row.label, {
    description: row.description,
    ...(row.tooltip.length ? { tooltip: new vscode.MarkdownString(row.tooltip.join('\n\n'), true) } : {}),
    icon: icons[row.icon](),
    ...(row.at ? { at: { folder, ...row.at } } : {}),
    ...(row.children.length ? { children: row.children.map((child) => rowNode(child, folder, icons)), expanded: row.expanded } : {}),
    ...(row.kind ? { contextValue: row.kind } : {}),
  });
  if (row.id) built.item.id = `${folder}#${row.id}`;
  return built;
}

/** A TreeDataProvider over nodes rebuilt whenever the model changes. */
export class NodeTree implements vscode.TreeDataProvider<ViewNode> {
  private roots: ViewNode[] = [];
  /** Each node's parent, for TreeView.reveal. */
  private parents = new Map<ViewNode, ViewNode>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  set(roots: ViewNode[]): void {
    this.roots = roots;
    this.parents = new Map();
    const link = (parent: ViewNode) => {
      for (const child of parent.children ?? []) {
        this.parents.set(child, parent);
        link(child);
      }
    };
    roots.forEach(link);
    this.changed.fire();
  }

  get isEmpty(): boolean {
    return this.roots.length === 0;
  }

  /** Every node, depth first. */
  all(): ViewNode[] {
    const walk = (nodes: readonly ViewNode[]): ViewNode[] => nodes.flatMap((n) => [n, ...walk(n.children ?? [])]);
    return walk(this.roots);
  }

  getTreeItem(element: ViewNode): vscode.TreeItem {
    return element.item;
  }

  getChildren(element?: ViewNode): ViewNode[] {
    return element ? (element.children ?? []) : this.roots;
  }

  getParent(element: ViewNode): ViewNode | undefined {
    return this.parents.get(element);
  }

  /** The node of an item id, in the tree as it is now. */
  byId(id: string): ViewNode | undefined {
    return this.all().find((n) => n.item.id === id);
  }
}
