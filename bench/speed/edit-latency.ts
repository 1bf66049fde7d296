// Drives the built language server over stdio as an editor does, and times what a user waits for:
// the open file's first diagnostics after start-up, the end of the workspace scan, then edit after
// edit (two versions of one file whose findings differ, alternating) from didChange to the
// publishDiagnostics of that file, the server's debounce included.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export interface EditLatency {
  firstDiagnosticsMs: number;
  scanEndMs: number;
  editsMs: number[];
}

const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export async function measureEdits(root: string, file: string, versions: readonly [string, string], edits: number): Promise<EditLatency> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const uri = pathToFileURL(file).href;
  let onPublish: (() => void) | undefined;
  let onScanEnd: (() => void) | undefined;
  let firstDiagnosticsAt: number | undefined;
  let scanEnded = false;
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: unknown[] }) => {
    if (params.uri !== uri) return;
    if (firstDiagnosticsAt === undefined && params.diagnostics.length > 0) firstDiagnosticsAt = performance.now();
    onPublish?.();
  });
  connection.onNotification('$/progress', (params: { value?: { kind?: string } }) => {
    if (params.value?.kind !== 'end') return;
    scanEnded = true;
    onScanEnd?.();
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification(() => undefined);
  connection.listen();
  try {
    const started = performance.now();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
      capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, workspaceFolders: true } },
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: file.endsWith('.py') ? 'python' : 'typescript', version: 1, text: versions[0] },
    });
    if (!scanEnded) await new Promise<void>((resolve) => (onScanEnd = resolve));
    const scanEndMs = performance.now() - started;
    // The open file's diagnostics come with the scan's end at the latest.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const firstDiagnosticsMs = (firstDiagnosticsAt ?? Number.NaN) - started;
    const editsMs: number[] = [];
    for (let i = 0; i < edits; i++) {
      const published = new Promise<void>((resolve) => (onPublish = resolve));
      const t0 = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: i + 2 },
        contentChanges: [{ text: versions[(i + 1) % 2] }],
      });
      await published;
      editsMs.push(performance.now() - t0);
      onPublish = undefined;
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return { firstDiagnosticsMs, scanEndMs, editsMs };
  } finally {
    connection.dispose();
    child.kill();
  }
}
