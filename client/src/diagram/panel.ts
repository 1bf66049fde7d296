// The `stackscope.showDiagram` command: one webview panel with the entity-relationship diagram,
// redrawn whenever the model or Stackscope's diagnostics change. The webview draws with the
// cytoscape bundled into dist/diagram.js; a tap on a model opens its source beside the diagram.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ModelStore } from '../model-store';
import { diagramElements } from './graph';
import { diagramHtml } from './html';
import type { DiagramElement, FindingMark, FromWebview, Severity, ToWebview } from './protocol';

export const SHOW_DIAGRAM_COMMAND = 'stackscope.showDiagram';

const SEVERITY: Record<vscode.DiagnosticSeverity, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** Diagnostics arrive file by file after an analysis: wait for the burst to end before redrawing. */
const DIAGNOSTICS_SETTLE_MS = 200;

/** What the user sees in the Problems panel from Stackscope, so the diagram marks the same findings. */
function stackscopeFindings(): FindingMark[] {
  return vscode.languages
    .getDiagnostics()
    .flatMap(([uri, diagnostics]) =>
      uri.scheme !== 'file'
        ? []
        : diagnostics
            .filter((d) => d.source === 'stackscope')
            .map((d) => ({ file: uri.fsPath, line: d.range.start.line + 1, severity: SEVERITY[d.severity], message: d.message })),
    );
}

export function registerDiagram(context: vscode.ExtensionContext, store: ModelStore): void {
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  let panel: vscode.WebviewPanel | undefined;
  let elements: DiagramElement[] = [];
  /** The elements last posted, as JSON: an analysis that changes nothing the diagram shows does not redraw it. */
  let posted = '';

  const post = (force: boolean) => {
    if (!panel) return;
    elements = diagramElements(store.model.folders, stackscopeFindings());
    const json = JSON.stringify(elements);
    if (!force && json === posted) return;
    posted = json;
    const message: ToWebview = { type: 'model', elements };
    void panel.webview.postMessage(message);
  };

  const open = (message: Extract<FromWebview, { type: 'open' }>) => {
    // Only a model the diagram shows: the webview names a file, the extension does not trust it blindly.
    const known = elements.some(
      (e) => e.group === 'nodes' && e.data.kind === 'model' && e.data.file === message.file && e.data.line === message.line,
    );
    if (known)
      void vscode.commands.executeCommand('stackscope.openLocation', message.file, message.line, message.column, vscode.ViewColumn.Beside);
  };

  const show = () => {
    if (panel) {
      panel.reveal();
      return;
    }
    panel = vscode.window.createWebviewPanel('stackscope.diagram', 'Entity-Relationship Diagram', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [dist],
    });
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'stackscope.svg');
    panel.webview.html = diagramHtml({
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'diagram.js')).toString(),
      nonce: randomBytes(16).toString('base64'),
    });
    let settle: NodeJS.Timeout | undefined;
    const subscriptions = [
      // `ready` also comes after the webview reloads on being shown again (its context is not kept while hidden).
      panel.webview.onDidReceiveMessage((message: FromWebview) =>
        message.type === 'ready' ? post(true) : message.type === 'open' ? open(message) : undefined,
      ),
      store.onDidChange(() => post(false)),
      vscode.languages.onDidChangeDiagnostics(() => {
        clearTimeout(settle);
        settle = setTimeout(() => post(false), DIAGNOSTICS_SETTLE_MS);
      }),
    ];
    panel.onDidDispose(() => {
      clearTimeout(settle);
      for (const subscription of subscriptions) subscription.dispose();
      panel = undefined;
      posted = '';
    });
  };

  context.subscriptions.push(vscode.commands.registerCommand(SHOW_DIAGRAM_COMMAND, show), { dispose: () => panel?.dispose() });
}
