import * as vscode from 'vscode';
import type { FolderModel } from '../../../server/src/lsp/protocol';
import { node, type ViewNode } from './node';

/** Signal (or hook) → its receivers with their sender; a receiver that never fires is marked. */
export function signalNodes(folders: readonly FolderModel[]): ViewNode[] {
  const bySignal = new Map<string, ViewNode[]>();
  for (const { folder, model } of folders) {
    for (const signal of model.signals) {
      const receivers = bySignal.get(signal.signal) ?? [];
      receivers.push(
        node(signal.handler, {
          description: [signal.sender ? `sender ${signal.sender}` : 'any sender', signal.connected ? '' : 'never imported: does not fire'].filter(Boolean).join(' · '),
          tooltip: signal.connected
            ? `${signal.handler} receives ${signal.signal}\n${signal.file}:${signal.line}`
            : `${signal.handler} is declared in ${signal.file}, which no module imports, so it is never connected. Import it from your AppConfig.ready().`,
          icon: signal.connected ? new vscode.ThemeIcon('symbol-event') : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
          at: { folder, file: signal.file, line: signal.line, column: signal.column },
        }),
      );
      bySignal.set(signal.signal, receivers);
    }
  }
  return [...bySignal.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([signal, receivers]) =>
      node(signal, { description: `${receivers.length} receiver${receivers.length === 1 ? '' : 's'}`, icon: new vscode.ThemeIcon('broadcast'), children: receivers, expanded: true }),
    );
}
