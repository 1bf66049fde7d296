// The language server: wires LSP messages to the workspace folders' analyzers. Every handler is
// guarded: a failure is logged and answered with nothing, and the server keeps running.
import { existsSync, readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import {
  CodeActionKind,
  type Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../../package.json';
import { FRONTENDS, frontendFor, initFrontends } from '../frontends';
import { serializeModel } from '../model/serialize';
import { countBySeverity } from '../model/severity-counts';
import type { Finding } from '../model/types';
import { CONFIG_FILE, unusablePatterns } from '../workspace/config';
import { parseProblemLine, problemLine } from '../workspace/problem-lines';
import { diskText } from '../workspace/fingerprints';
import { leftOutLines } from '../workspace/left-out';
import { paced } from '../workspace/paced';
import { FIX_ALL_KIND, fixAll, quickFixes } from './code-actions';
import { codeLenses, modelSummaries } from './code-lens';
import { hoverAt } from './hover';
import { DiagnosticsPublisher } from './diagnostics';
import { configDiagnostic, unanalysedDiagnostic } from './file-problems';
import { type BaselineDisplay, BaselineView } from './baseline-view';
import { editorConfig } from './editor-settings';
import { type Folder, Folders } from './folders';
import {
  DID_ANALYZE_NOTIFICATION,
  type DidAnalyzeParams,
  MODEL_REQUEST,
  type ModelResponse,
  RESCAN_REQUEST,
  SCAN_PROGRESS_NOTIFICATION,
  type ScanProgressParams,
} from '../protocol/messages';
import { fileUri, uriPath } from './uri';

/** Every file a frontend reads, and the project's config file. */
const WATCHED_GLOBS = [...FRONTENDS.flatMap((frontend) => frontend.globs), `**/${CONFIG_FILE}`];

/** Long enough to let a burst of keystrokes settle, short enough to feel live. */
const DEBOUNCE_MS = 150;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => connection.console.info(message);
  const folders = new Folders(log);
  const publisher = new DiagnosticsPublisher(connection);
  const pending = new Map<string, NodeJS.Timeout>();
  let canReadConfiguration = false;
  let canWatchFolders = false;
  let canRegisterWatchers = false;
  let scanGeneration = 0;
  let ready = false;

  const guard =
    <A extends unknown[], R>(name: string, fallback: R, body: (...args: A) => R | Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await body(...args);
      } catch (error) {
        connection.console.error(`${name} failed: ${(error as Error).stack ?? error}`);
        return fallback;
      }
    };

  const baselines = new BaselineView(log);
  let baselineDisplay: BaselineDisplay = 'hidden';
  /** The text a finding's file was analysed from: the editor's buffer when it is open, else the file on disk. */
  const analysedText = (file: string) => documents.get(fileUri(file))?.getText() ?? diskText(file);

  const publishAll = (millis: number) => {
    const findings: Finding[] = folders
      .all()
      .flatMap((folder) => baselines.apply(folder.analyzer, folder.analyzer.findings(), analysedText, baselineDisplay));
    const fileProblems = folders
      .all()
      .flatMap((folder) => [...folder.configProblems.map(configDiagnostic), ...folder.analyzer.unanalysed().map(unanalysedDiagnostic)]);
    publisher.publish(
      findings,
      fileProblems,
      folders.all().flatMap((folder) => folder.analyzer.fileNotes()),
    );
    const counts = countBySeverity(findings);
    const files = folders.all().reduce((sum, folder) => sum + folder.analyzer.files.size, 0);
    const params: DidAnalyzeParams = { files, counts, millis };
    void connection.sendNotification(DID_ANALYZE_NOTIFICATION, params);
  };

  const configure = async (folder: Folder) => {
    let section: unknown;
    if (canReadConfiguration)
      section = await connection.workspace.getConfiguration({ scopeUri: folder.uri, section: 'stackscope' }).catch(() => undefined);
    const editor = editorConfig(section);
    const problems = folders.configure(folder, editor);
    for (const problem of unusablePatterns(editor.exclude ?? [], 'the stackscope.exclude setting')) connection.console.warn(problem);
    baselineDisplay = (section as { baseline?: unknown } | undefined)?.baseline === 'hint' ? 'hint' : 'hidden';
    // The mistakes are diagnostics on the file itself (see publishAll); the log says what the analysis used.
    for (const problem of problems) connection.console.warn(problemLine(problem, relative(folder.path, problem.file)));
    if (problems.length > 0)
      log(
        `${basename(folder.path)}: ${CONFIG_FILE} has ${problems.length === 1 ? 'a mistake' : `${problems.length} mistakes`}; analysing with the settings that could be read (defaults for the rest).`,
      );
  };

  const applyOpenDocuments = async (folder: Folder) => {
    // The scan read the files from disk; an editor may hold newer, unsaved text.
    for (const document of documents.all()) {
      const path = uriPath(document.uri);
      if (path && folders.folderOf(path) === folder && folder.analyzer.includes(path))
        await folder.analyzer.updateFile(path, document.getText());
    }
  };

  const scanAll = async () => {
    const generation = ++scanGeneration;
    const started = Date.now();
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('Stackscope', 0, 'Analysing the workspace…', true);
    try {
      await initFrontends();
      let scanned = 0;
      for (const folder of folders.reset()) {
        await configure(folder);
        const finished = await folder.analyzer.scan({
          isCancelled: () => generation !== scanGeneration || progress.token.isCancellationRequested,
          onProgress: paced((done, total) => {
            const name = basename(folder.path);
            progress.report(Math.floor((done / total) * 100), `${name}: ${done}/${total} files`);
            const params: ScanProgressParams = { folder: name, done, total };
            void connection.sendNotification(SCAN_PROGRESS_NOTIFICATION, params);
          }),
        });
        if (!finished) {
          log(generation === scanGeneration ? 'Analysis cancelled.' : 'Analysis restarted.');
          return;
        }
        await applyOpenDocuments(folder);
        scanned += folder.analyzer.files.size;
        folder.analyzer.findings();
        log(`${basename(folder.path)}: ${folder.analyzer.timings.describe()}`);
        // Each skipped file was logged with its reason as it happened; this is the count.
        const skipped = folder.analyzer.skippedSummary();
        if (skipped) log(`${basename(folder.path)}: ${skipped}`);
        for (const { file, problem } of folder.analyzer.unanalysed()) log(parseProblemLine(problem, file));
        for (const line of leftOutLines(folder.analyzer)) log(`${basename(folder.path)}: ${line}`);
      }
      const millis = Date.now() - started;
      log(`Analysed ${scanned} files in ${millis} ms.`);
      ready = true;
      publishAll(millis);
    } finally {
      progress.done();
    }
  };

  const analyzeDocument = async (uri: string) => {
    pending.delete(uri);
    const document = documents.get(uri);
    const path = uriPath(uri);
    const folder = path ? folders.folderOf(path) : undefined;
    if (!document || !path || !folder || !folder.analyzer.includes(path)) return;
    const started = Date.now();
    await folder.analyzer.updateFile(path, document.getText());
    if (ready) publishAll(Date.now() - started);
  };

  connection.onInitialize((params) => {
    canReadConfiguration = params.capabilities.workspace?.configuration === true;
    canWatchFolders = params.capabilities.workspace?.workspaceFolders === true;
    canRegisterWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const initial = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    for (const folder of initial) {
      const path = uriPath(folder.uri);
      if (path) folders.add(folder.uri, path);
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        codeLensProvider: { resolveProvider: false },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'stackscope', version },
    };
  });

  connection.onInitialized(
    guard('initialise', undefined, async () => {
      if (canReadConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'stackscope' });
      // The frontends know which files they read: the client watches those (and the config file) for us.
      if (canRegisterWatchers)
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })),
        });
      if (canWatchFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guard('workspace folders', undefined, async (event) => {
            for (const removed of event.removed) folders.remove(removed.uri);
            for (const added of event.added) {
              const path = uriPath(added.uri);
              if (path) folders.add(added.uri, path);
            }
            await scanAll();
          }),
        );
      }
      await scanAll();
    }),
  );

  connection.onDidChangeConfiguration(
    guard('configuration', undefined, async () => {
      // Severities apply at once; a changed exclude list changes which files exist, so it rescans.
      const before = folders.all().map((folder) => JSON.stringify(folder.analyzer.config.exclude));
      for (const folder of folders.all()) await configure(folder);
      const after = folders.all().map((folder) => JSON.stringify(folder.analyzer.config.exclude));
      if (before.join() !== after.join()) await scanAll();
      else publishAll(0);
    }),
  );

  documents.onDidChangeContent((change) => {
    clearTimeout(pending.get(change.document.uri));
    pending.set(
      change.document.uri,
      setTimeout(() => void guard('analyse', undefined, analyzeDocument)(change.document.uri), DEBOUNCE_MS),
    );
  });

  documents.onDidClose(
    guard('close', undefined, async (event) => {
      clearTimeout(pending.get(event.document.uri));
      pending.delete(event.document.uri);
      const path = uriPath(event.document.uri);
      const folder = path ? folders.folderOf(path) : undefined;
      if (!path || !folder || !folder.analyzer.includes(path)) return;
      // The buffer may have been closed without saving: the file on disk is the truth again.
      if (existsSync(path)) await folder.analyzer.reloadFile(path);
      else folder.analyzer.removeFile(path);
      if (ready) publishAll(0);
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard('watched files', undefined, async (params) => {
      let rescan = false;
      for (const change of params.changes) {
        const path = uriPath(change.uri);
        const folder = path ? folders.folderOf(path) : undefined;
        if (!path || !folder) continue;
        if (basename(path) === CONFIG_FILE) rescan = true;
        else if (!folder.analyzer.includes(path)) continue;
        else if (change.type === FileChangeType.Deleted) folder.analyzer.removeFile(path);
        else if (!documents.get(change.uri)) await folder.analyzer.reloadFile(path);
      }
      if (rescan) await scanAll();
      else if (ready) publishAll(0);
    }),
  );

  connection.onCodeAction(
    guard('code actions', [], (params) => {
      const path = uriPath(params.textDocument.uri);
      const folder = path ? folders.folderOf(path) : undefined;
      if (!path || !folder) return [];
      const findings = baselines.apply(folder.analyzer, folder.analyzer.findingsFor(path), analysedText, baselineDisplay);
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
      const text = analysedText(path) ?? '';
      const actions = wants(CodeActionKind.QuickFix) ? quickFixes(findings, params.range, text, frontendFor(path)?.comments) : [];
      // fixAll only on request (on save, or from the Source Action menu), never in the light bulb.
      const all = only && wants(FIX_ALL_KIND) ? fixAll(findings) : undefined;
      return all ? [...actions, all] : actions;
    }),
  );

  connection.onCodeLens(
    guard('code lens', [], (params) => {
      const path = uriPath(params.textDocument.uri);
      const folder = path ? folders.folderOf(path) : undefined;
      if (!path || !folder) return [];
      return codeLenses(modelSummaries(folder.analyzer.model(), folder.analyzer.findings(), path));
    }),
  );

  connection.onHover(
    guard('hover', null, (params) => {
      const path = uriPath(params.textDocument.uri);
      const folder = path ? folders.folderOf(path) : undefined;
      if (!path || !folder) return null;
      return hoverAt(folder.analyzer.model(), folder.analyzer.findings(), path, params.position) ?? null;
    }),
  );

  connection.onRequest(
    MODEL_REQUEST,
    guard('model', { folders: [] } as ModelResponse, (): ModelResponse => ({
      folders: folders
        .all()
        .map((folder) => ({ folder: folder.path, model: serializeModel(folder.analyzer.model(), folder.analyzer.findings()) })),
    })),
  );

  connection.onRequest(RESCAN_REQUEST, guard('rescan', undefined, scanAll));

  process.on('unhandledRejection', (reason) =>
    connection.console.error(`unhandled rejection: ${reason instanceof Error ? reason.stack : reason}`),
  );

  documents.listen(connection);
  connection.listen();
}
