import * as vscode from 'vscode';
import type { FolderModel } from '../../../server/src/protocol/messages';
import { node, type ViewNode } from './node';

interface Group {
  receivers: ViewNode[];
  sources: ViewNode[];
  defined: boolean;
}

/** Signal (or hook) → its receivers with their sender, then where it is defined and sent from. */
export function signalNodes(folders: readonly FolderModel[]): ViewNode[] {
  const groups = new Map<string, Group>();
  const group = (name: string) => {
    let found = groups.get(name);
    if (!found) groups.set(name, (found = { receivers: [], sources: [], defined: false }));
    return found;
  };
  for (const { folder, model } of folders) {
    for (const signal of model.signals) {
      group(signal.signal).receivers.push(
        node(signal.handler, {
          description: [signal.sender ? `sender ${signal.sender}` : 'any sender', signal.connected ? '' : 'never imported: does not fire']
            .filter(Boolean)
            .join(' · '),
          tooltip: signal.connected
            ? `${signal.handler} receives ${signal.signal}\n${signal.file}:${signal.line}`
            : `${signal.handler} is declared in ${signal.file}, which no module imports, so it is never connected. Import it from your AppConfig.ready().`,
          icon: signal.connected
            ? new vscode.ThemeIcon('symbol-event')
            : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
          at: { folder, file: signal.file, line: signal.line, column: signal.column },
        }),
      );
    }
    for (const source of model.signalSources ?? []) {
      const entry = group(source.signal);
      if (source.kind === 'definition') entry.defined = true;
      entry.sources.push(
        node(source.kind === 'send' ? 'sent' : 'defined', {
          description: `${source.file}:${source.line}`,
          icon: new vscode.ThemeIcon(source.kind === 'send' ? 'arrow-right' : 'symbol-constant'),
          at: { folder, file: source.file, line: source.line, column: source.column },
        }),
      );
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([signal, { receivers, sources, defined }]) => {
      const sends = sources.filter((source) => source.item.label === 'sent').length;
      const parts = [
        `${receivers.length} receiver${receivers.length === 1 ? '' : 's'}`,
        sends ? `sent from ${sends} place${sends === 1 ? '' : 's'}` : '',
      ];
      return node(signal, {
        description: parts.filter(Boolean).join(' · '),
        tooltip: defined && receivers.length === 0 ? `${signal} is defined here but nothing receives it.` : undefined,
        icon: new vscode.ThemeIcon('broadcast'),
        children: [...receivers, ...sources],
        expanded: true,
      });
    });
}
