// An editor's side of the LSP, for tests: it opens and edits buffers, answers the server's requests
// (settings, progress, registrations), keeps every file's latest diagnostics and the server's log.
// The server runs either built, over stdio (integration tests), or in this process (unit tests).
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { CodeAction, DiagnosticRelatedInformation, Range, TextEdit } from 'vscode-languageserver-protocol';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/lsp/session';
import { applyEdits } from './harness';

export const uri = (path: string) => pathToFileURL(path).href;

/** A diagnostic as Stackscope publishes it (its message is always plain text). */
export interface Diagnostic {
  range: Range;
  message: string;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  relatedInformation?: DiagnosticRelatedInformation[];
}

interface PublishDiagnosticsParams {
  uri: string;
  diagnostics: Diagnostic[];
}

export class Editor {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** What the server logged (window/logMessage), in order. */
  readonly log: string[] = [];
  /** How many analyses the server has published (stackscope/didAnalyze). */
  analyses = 0;
  settings: Record<string, unknown> = {};
  private readonly waiters: (() => void)[] = [];
  private versions = new Map<string, number>();

  /**
   * `processId` is what `initialize` tells the server: it exits when that process does, checking on a
   * timer (a server in this process gets none, or the timer would keep the test process alive).
   */
  constructor(
    readonly connection: MessageConnection,
    readonly dispose: () => void | Promise<void>,
    readonly child?: ChildProcess,
    private readonly processId: number | null = process.pid,
  ) {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.wake();
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => this.settings));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', () => null);
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.log.push(params.message);
      if (process.env.STACKSCOPE_TEST_LOG) console.log(params.message);
      this.wake();
    });
    connection.onNotification('window/showMessage', () => undefined);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onNotification('$/progress', () => undefined);
    connection.onNotification('stackscope/didAnalyze', () => {
      this.analyses++;
      this.wake();
    });
  }

  /** Initialises the server on `workspace` (a folder named `name`); its first analysis follows. */
  async initialize(workspace: string, name = 'workspace'): Promise<{ capabilities: { codeActionProvider?: unknown } }> {
    const result = await this.connection.sendRequest<{ capabilities: { codeActionProvider?: unknown } }>('initialize', {
      processId: this.processId,
      rootUri: uri(workspace),
      workspaceFolders: [{ uri: uri(workspace), name }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        window: { workDoneProgress: true },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Waits until `test` holds, re-checking after each message from the server. */
  async until<T>(test: () => T | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = test();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until the diagnostics of `file` satisfy `test`. */
  async diagnosticsOf(file: string, test: (diagnostics: Diagnostic[]) => boolean, what: string, timeoutMs = 20_000): Promise<Diagnostic[]> {
    try {
      return await this.until(
        () => {
          const current = this.diagnostics.get(uri(file)) ?? [];
          return test(current) ? current : undefined;
        },
        what,
        timeoutMs,
      );
    } catch (error) {
      const current = this.diagnostics.get(uri(file)) ?? [];
      throw new Error(`${(error as Error).message}; diagnostics now: ${JSON.stringify(current.map((d) => d.message.slice(0, 60)))}`);
    }
  }

  open(file: string, text = readFileSync(file, 'utf8'), language = file.endsWith('.py') ? 'python' : 'typescript'): void {
    this.versions.set(file, 1);
    void this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri(file), languageId: language, version: 1, text },
    });
  }

  change(file: string, text: string): void {
    const version = (this.versions.get(file) ?? 1) + 1;
    this.versions.set(file, version);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(file), version },
      contentChanges: [{ text }],
    });
  }

  codeActions(file: string, diagnostic: { range: Range }, only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri(file) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
    });
  }
}

/** Applies one action's edits for `file` to `text`. */
export function applied(action: CodeAction, file: string, text: string): string {
  const edits = (action.edit?.changes?.[uri(file)] ?? []) as TextEdit[];
  return applyEdits(
    text,
    edits.map((edit) => ({ file, range: edit.range, newText: edit.newText })),
  );
}

/** The built server (dist/server.js) over stdio. */
export function stdioServer(): Editor {
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const editor = new Editor(
    connection,
    async () => {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      await new Promise((resolve) => {
        if (child.exitCode !== null) resolve(undefined);
        child.once('exit', resolve);
        setTimeout(() => child.kill(), 3000);
      });
      connection.dispose();
    },
    child,
  );
  connection.listen();
  return editor;
}

/** The server from source, in this process, over a pair of in-memory streams. */
export function inProcessServer(): Editor {
  const toServer = new PassThrough();
  const toEditor = new PassThrough();
  const server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toEditor));
  startServer(server);
  const connection = createMessageConnection(new StreamMessageReader(toEditor), new StreamMessageWriter(toServer));
  // No shutdown/exit: the server would end this process. Closing the streams is enough.
  const editor = new Editor(
    connection,
    () => {
      connection.dispose();
      server.dispose();
      toServer.end();
      toEditor.end();
    },
    undefined,
    null,
  );
  connection.listen();
  return editor;
}
