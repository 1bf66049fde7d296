// The diagram webview's page. Everything it runs or draws comes from the extension's own dist/
// folder or is inline with the page's nonce: no network source, so the diagram works offline.
// No `vscode` import, so the page can be checked by a unit test.

export interface DiagramPage {
  /** The webview URI of dist/diagram.js (`webview.asWebviewUri`). */
  scriptUri: string;
  /** A fresh random value per page: only the script and style tags that carry it may run. */
  nonce: string;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function diagramHtml({ scriptUri, nonce }: DiagramPage): string {
  const csp = [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src 'nonce-${nonce}'`].join('; ');
  const n = escapeAttribute(nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Entity-Relationship Diagram</title>
<!-- cytoscape adds a stylesheet with this id unless it exists; a nonce-less one would break the policy. -->
<style nonce="${n}" id="__________cytoscape_stylesheet">.__________cytoscape_container { position: relative; }</style>
<style nonce="${n}">
  html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; }
  body { display: flex; flex-direction: column; background: var(--vscode-editor-background); color: var(--vscode-editor-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  #toolbar { display: flex; align-items: center; gap: 12px; padding: 6px 10px; border-bottom: 1px solid var(--vscode-panel-border, transparent); flex-wrap: wrap; }
  #toolbar button { background: var(--vscode-button-secondaryBackground, var(--vscode-button-background)); color: var(--vscode-button-secondaryForeground, var(--vscode-button-foreground)); border: 1px solid var(--vscode-button-border, transparent); padding: 2px 10px; cursor: pointer; font: inherit; }
  #toolbar button:hover { background: var(--vscode-button-secondaryHoverBackground, var(--vscode-button-hoverBackground)); }
  #legend { display: flex; gap: 14px; flex-wrap: wrap; color: var(--vscode-descriptionForeground); }
  #legend .swatch { display: inline-block; width: 18px; height: 0; vertical-align: middle; margin-right: 4px; border-top: 2px solid var(--vscode-charts-blue); }
  #legend .swatch.one-to-one { border-top-color: var(--vscode-charts-green); }
  #legend .swatch.one-to-many { border-top-style: dotted; }
  #legend .swatch.many-to-many { border-top: 2px dashed var(--vscode-charts-purple); }
  #legend .swatch.findings { width: 12px; height: 10px; border: 2px solid var(--vscode-charts-red); }
  #diagram { flex: 1; min-height: 0; }
  #status { padding: 4px 10px; min-height: 1.4em; border-top: 1px solid var(--vscode-panel-border, transparent); color: var(--vscode-descriptionForeground); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  #empty { display: none; position: absolute; inset: 0; align-items: center; justify-content: center; text-align: center; padding: 20px; color: var(--vscode-descriptionForeground); }
  body.empty #empty { display: flex; }
  body.empty #diagram, body.empty #legend, body.empty #fit, body.empty #status { visibility: hidden; }
</style>
</head>
<body>
<div id="toolbar">
  <button id="fit" type="button" title="Fit the whole diagram into view">Fit</button>
  <div id="legend">
    <span>PK primary key</span>
    <span>◆ indexed (leading column)</span>
    <span>⚠ has findings</span>
    <span><span class="swatch findings"></span>model with findings</span>
    <span><span class="swatch"></span>many-to-one</span>
    <span><span class="swatch one-to-one"></span>one-to-one</span>
    <span><span class="swatch one-to-many"></span>one-to-many</span>
    <span><span class="swatch many-to-many"></span>many-to-many</span>
  </div>
</div>
<div id="diagram"></div>
<div id="empty">No models found yet. The diagram shows the models and entities Stackscope finds in the workspace.</div>
<div id="status">Click a model to open its source.</div>
<script nonce="${n}" src="${escapeAttribute(scriptUri)}"></script>
</body>
</html>
`;
}
