// The VS Code side of Stackscope: starts the language server, and shows the explorer views and
// the status bar from what the server reports. All analysis happens in the server.
import * as vscode from 'vscode';
import { DID_ANALYZE_NOTIFICATION, type DidAnalyzeParams } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { createLanguageClient } from './language-client';
import { ModelStore } from './model-store';
import { FindingsStatusBar } from './status-bar';
import { registerViews } from './views';

let stop: (() => Promise<void>) | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Stackscope', { log: true });
  const client = createLanguageClient(context, output);
  const store = new ModelStore(client);
  const statusBar = new FindingsStatusBar();
  context.subscriptions.push(output, store, statusBar);
  registerViews(context, store);
  registerCommands(context, client, store, output);
  client.onNotification(DID_ANALYZE_NOTIFICATION, (params: DidAnalyzeParams) => {
    statusBar.update(params);
    void store.refresh();
  });
  stop = () => client.stop();
  await client.start();
  void store.refresh();
}

export async function deactivate(): Promise<void> {
  await stop?.();
}
