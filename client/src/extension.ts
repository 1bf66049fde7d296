// The VS Code side of Stackscope: starts the language server, and shows the explorer views and
// the status bar from what the server reports. All analysis happens in the server.
import * as vscode from 'vscode';
import {
  DID_ANALYZE_NOTIFICATION,
  type DidAnalyzeParams,
  SCAN_PROGRESS_NOTIFICATION,
  type ScanProgressParams,
} from '../../server/src/protocol/messages';
import { MARKER_FILES } from './backend-markers';
import { registerCommands } from './commands';
import { registerDiagram } from './diagram/panel';
import { createLanguageClient } from './language-client';
import { ModelStore } from './model-store';
import { FindingsStatusBar } from './status-bar';
import { registerViews } from './views';
import { workspaceHasBackend } from './workspace-relevance';

let stop: (() => Promise<void>) | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Stackscope', { log: true });
  const client = createLanguageClient(context, output);
  const store = new ModelStore(client);
  const statusBar = new FindingsStatusBar();
  context.subscriptions.push(output, store, statusBar);
  registerViews(context, store);
  registerDiagram(context, store);
  client.onNotification(DID_ANALYZE_NOTIFICATION, (params: DidAnalyzeParams) => {
    statusBar.update(params);
    void store.refresh();
  });
  client.onNotification(SCAN_PROGRESS_NOTIFICATION, (params: ScanProgressParams) => statusBar.scanning(params));
  stop = () => (client.isRunning() ? client.stop() : Promise.resolve());

  let starting: Promise<void> | undefined;
  const start = () =>
    (starting ??= (async () => {
      statusBar.show();
      await client.start();
      await store.refresh();
    })());
  registerCommands(context, client, store, output, start);

  if (await workspaceHasBackend()) {
    await start();
    return;
  }
  // Nothing to analyse yet: stay idle until a project file appears (or the user asks).
  output.info(
    'No Django project, Prisma schema or supported ORM or web framework found: the language server starts when one appears, or with "Stackscope: Analyze Workspace".',
  );
  // A marker file counts once created; a package.json also when an edit adds a dependency.
  const watchers = [...MARKER_FILES, '**/package.json'].map((pattern) =>
    vscode.workspace.createFileSystemWatcher(pattern, false, !pattern.endsWith('package.json'), true),
  );
  const check = async () => {
    if (starting || !(await workspaceHasBackend())) return;
    for (const watcher of watchers) watcher.dispose();
    await start();
  };
  for (const watcher of watchers) context.subscriptions.push(watcher, watcher.onDidCreate(check), watcher.onDidChange(check));
}

export async function deactivate(): Promise<void> {
  await stop?.();
}
