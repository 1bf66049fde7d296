// The language server's entry point: LSP over whatever transport the client chose (stdio, IPC).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/session';

startServer(createConnection(ProposedFeatures.all));
