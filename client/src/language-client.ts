import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';

/** The languages whose files the server analyses, on disk only (untitled buffers have no project). */
const LANGUAGES = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'html', 'django-html', 'django-txt', 'prisma'];
const WATCHED = '**/{*.py,*.ts,*.tsx,*.mts,*.cts,*.js,*.jsx,*.mjs,*.cjs,*.html,*.txt,*.prisma,stackscope.json,package.json}';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.map((language) => ({ scheme: 'file', language })),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(WATCHED) },
    outputChannel: output,
    traceOutputChannel: output,
  };
  return new LanguageClient('stackscope', 'Stackscope', serverOptions, clientOptions);
}
