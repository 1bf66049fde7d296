import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RESCAN_REQUEST } from '../../server/src/lsp/protocol';
import type { ModelStore } from './model-store';

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, store: ModelStore, output: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('stackscope.analyzeWorkspace', async () => {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Stackscope: analysing' }, () => client.sendRequest(RESCAN_REQUEST, {}));
      await store.refresh();
    }),
    vscode.commands.registerCommand('stackscope.restartServer', async () => {
      await client.restart();
      await store.refresh();
    }),
    vscode.commands.registerCommand('stackscope.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('stackscope.refreshViews', () => store.refresh()),
    vscode.commands.registerCommand('stackscope.openLocation', async (file: string, line: number, column = 1) => {
      const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
      await vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(position, position), preview: true });
    }),
  );
}
