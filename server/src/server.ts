// The language server's entry point: LSP over whatever transport the client chose (stdio, IPC).
// Over stdio, messages pass through a Reframer first: a badly framed message is dropped and logged
// instead of leaving the reader out of step; should the reader fail anyway, the server exits, and
// the client restarts it.
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { Reframer } from './lsp/framing';
import { startServer } from './lsp/session';

function stdioConnection() {
  let log: (message: string) => void = (message) => process.stderr.write(`${message}\n`);
  const reader = new StreamMessageReader(process.stdin.pipe(new Reframer((message) => log(message))));
  reader.onError((error) => {
    log(`LSP reader failed, exiting so that the client restarts the server: ${error.message}`);
    process.exit(1);
  });
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  log = (message) => connection.console.error(message);
  return connection;
}

startServer(process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all));
