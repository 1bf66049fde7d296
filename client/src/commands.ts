import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Location as LspLocation, Position as LspPosition } from 'vscode-languageclient/node';
import { RESCAN_REQUEST, SHOW_PLACES_COMMAND } from '../../server/src/protocol/messages';
import type { ModelStore } from './model-store';

/** `start` starts the language server once; the analysis commands start it in a workspace that looked unrelated. */
export function registerCommands(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  store: ModelStore,
  output: vscode.OutputChannel,
  start: () => Promise<void>,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('stackscope.analyzeWorkspace', async () => {
      await start();
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Stackscope: analysing' }, () =>
        client.sendRequest(RESCAN_REQUEST, {}),
      );
      await store.refresh();
    }),
    vscode.commands.registerCommand('stackscope.restartServer', async () => {
      if (!client.isRunning()) return start();
      await client.restart();
      await store.refresh();
    }),
    vscode.commands.registerCommand('stackscope.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('stackscope.refreshViews', () => store.refresh()),
    // `viewColumn`: the diagram opens sources beside itself rather than over itself.
    vscode.commands.registerCommand(SHOW_PLACES_COMMAND, (uri: string, position: LspPosition, places: LspLocation[]) =>
      vscode.commands.executeCommand(
        'editor.action.showReferences',
        client.protocol2CodeConverter.asUri(uri),
        client.protocol2CodeConverter.asPosition(position),
        places.map((place) => client.protocol2CodeConverter.asLocation(place)),
      ),
    ),
    vscode.commands.registerCommand(
      'stackscope.openLocation',
      async (file: string, line: number, column = 1, viewColumn?: vscode.ViewColumn) => {
        const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
        await vscode.window.showTextDocument(vscode.Uri.file(file), {
          selection: new vscode.Range(position, position),
          preview: true,
          viewColumn,
        });
      },
    ),
  );
}
