// The diagram webview's script (bundled with cytoscape into dist/diagram.js): draws the elements
// the extension posts, in the colours of the current VS Code theme, and asks the extension to open
// a model's source when it is tapped. Node positions survive the panel being hidden and shown.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular, type StylesheetJson } from 'cytoscape';
import type { DiagramElement, FromWebview, ModelNodeData, ToWebview } from '../protocol';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
declare global {
  interface Window {
    /** Does what a tap on the model named `name` does; for end-to-end tests, which cannot tap a canvas node. */
    __stackscopeOpen(name: string): boolean;
  }
}

interface SavedState {
  positions: Record<string, { x: number; y: number }>;
}

const vscode = acquireVsCodeApi();
const LINE_HEIGHT = 1.35;
const NODE_PADDING = 12;
const DEFAULT_STATUS = 'Click a model to open its source.';

const container = document.getElementById('diagram')!;
const status = document.getElementById('status')!;
const context2d = document.createElement('canvas').getContext('2d')!;

// ---------------------------------------------------------------------------
// Theme: VS Code sets its colours as CSS variables on the page and its kind as a class on <body>.

interface Theme {
  background: string;
  foreground: string;
  muted: string;
  node: string;
  border: string;
  focus: string;
  red: string;
  blue: string;
  green: string;
  purple: string;
  font: string;
  fontSize: number;
  highContrast: boolean;
}

/** A CSS colour as cytoscape reads it: `#rrggbb`, with any transparency blended over `under` (cytoscape has no alpha in colours). */
function opaque(color: string, under: string): string {
  const parse = (css: string): number[] => {
    context2d.fillStyle = '#000000';
    context2d.fillStyle = css;
    const normal = context2d.fillStyle;
    if (normal.startsWith('#')) return [1, 3, 5].map((i) => parseInt(normal.slice(i, i + 2), 16)).concat(1);
    return normal
      .replace(/[^\d.,]/g, '')
      .split(',')
      .map(Number);
  };
  const [r, g, b, a = 1] = parse(color);
  const [br, bg, bb] = parse(under);
  const mix = (top: number, bottom: number) =>
    Math.round(top * a + bottom * (1 - a))
      .toString(16)
      .padStart(2, '0');
  return `#${mix(r, br)}${mix(g, bg)}${mix(b, bb)}`;
}

/** A CSS font-family list as cytoscape accepts it: double quotes only, and no family its style parser rejects. */
function fontFamily(css: string): string {
  const families = css
    .split(',')
    .map((family) => family.trim().replace(/'/g, '"'))
    .filter((family) => /^[\w\- "]+$/.test(family));
  return families.length > 0 ? families.join(', ') : 'monospace';
}

function readTheme(): Theme {
  const style = getComputedStyle(document.body);
  const variable = (name: string) => style.getPropertyValue(name).trim();
  const background = opaque(variable('--vscode-editor-background') || '#1e1e1e', '#000000');
  const color = (names: string[], fallback: string) => opaque(names.map(variable).find(Boolean) ?? fallback, background);
  return {
    background,
    foreground: color(['--vscode-editor-foreground'], '#cccccc'),
    muted: color(['--vscode-descriptionForeground'], '#999999'),
    node: color(['--vscode-editorWidget-background', '--vscode-sideBar-background'], background),
    border: color(['--vscode-contrastBorder', '--vscode-editorWidget-border', '--vscode-panel-border'], '#6f6f6f'),
    focus: color(['--vscode-focusBorder'], '#007fd4'),
    red: color(['--vscode-charts-red', '--vscode-errorForeground'], '#f14c4c'),
    blue: color(['--vscode-charts-blue'], '#3794ff'),
    green: color(['--vscode-charts-green'], '#89d185'),
    purple: color(['--vscode-charts-purple'], '#b180d7'),
    font: fontFamily(variable('--vscode-editor-font-family')),
    fontSize: parseFloat(variable('--vscode-editor-font-size')) || 12,
    highContrast:
      document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light'),
  };
}

function stylesheet(theme: Theme): StylesheetJson {
  const edgeColor = (kind: string) => ({ 'one-to-one': theme.green, 'many-to-many': theme.purple })[kind] ?? theme.blue;
  return [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        width: 'data(width)',
        height: 'data(height)',
        label: 'data(label)',
        'text-wrap': 'wrap',
        'text-max-width': '4000px',
        'text-valign': 'center',
        'text-halign': 'center',
        'text-justification': 'left',
        'line-height': LINE_HEIGHT,
        'font-family': theme.font,
        'font-size': theme.fontSize,
        color: theme.foreground,
        'background-color': theme.node,
        'border-width': theme.highContrast ? 2 : 1,
        'border-color': theme.border,
      },
    },
    { selector: 'node.external', style: { 'border-style': 'dashed', 'background-opacity': 0, color: theme.muted } },
    { selector: 'node.findings', style: { 'border-color': theme.red, 'border-width': 3 } },
    { selector: 'node:selected', style: { 'overlay-color': theme.focus, 'overlay-opacity': 0.15 } },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        width: theme.highContrast ? 2 : 1.5,
        'line-color': (edge) => edgeColor(edge.data('kind')),
        'target-arrow-color': (edge) => edgeColor(edge.data('kind')),
        'source-arrow-color': (edge) => edgeColor(edge.data('kind')),
        'target-arrow-shape': 'triangle',
        label: 'data(label)',
        'font-family': theme.font,
        'font-size': Math.max(theme.fontSize - 2, 9),
        color: theme.muted,
        'text-rotation': 'autorotate',
        'text-background-color': theme.background,
        'text-background-opacity': 1,
        'text-background-padding': '2px',
      },
    },
    { selector: 'edge.one-to-one', style: { 'source-arrow-shape': 'tee' } },
    { selector: 'edge.one-to-many', style: { 'line-style': 'dotted' } },
    {
      selector: 'edge.many-to-many',
      style: { 'line-style': 'dashed', 'source-arrow-shape': 'triangle', width: theme.highContrast ? 3 : 2.5 },
    },
  ];
}

/** A node's box: its label's lines measured in the theme's editor font. */
function nodeSize(label: string, theme: Theme): { width: number; height: number } {
  context2d.font = `${theme.fontSize}px ${theme.font}`;
  const lines = label.split('\n');
  const width = Math.max(...lines.map((line) => context2d.measureText(line).width));
  return { width: Math.ceil(width) + 2 * NODE_PADDING, height: Math.ceil(lines.length * theme.fontSize * LINE_HEIGHT) + 2 * NODE_PADDING };
}

// ---------------------------------------------------------------------------
// Drawing

let theme = readTheme();
const cy: Core = cytoscape({ container, style: stylesheet(theme), minZoom: 0.1, maxZoom: 3, boxSelectionEnabled: false });
let positions: SavedState['positions'] = vscode.getState()?.positions ?? {};

const savePositions = () => {
  positions = Object.fromEntries(cy.nodes().map((node) => [node.id(), { ...node.position() }]));
  vscode.setState({ positions });
};

function remeasure(): void {
  cy.nodes().forEach((node) => {
    node.data(nodeSize(node.data('label'), theme));
  });
}

function render(elements: DiagramElement[]): void {
  const nodes = elements.filter((e) => e.group === 'nodes');
  const ids = new Set(nodes.map((e) => e.data.id));
  const added: string[] = [];
  const firstDrawing = cy.nodes().empty();
  cy.batch(() => {
    // Edges are redrawn whole (a relation's target can change); nodes keep their place.
    cy.edges().remove();
    cy.nodes()
      .filter((node) => !ids.has(node.id()))
      .remove();
    for (const { data, classes } of nodes) {
      const sized = { ...data, ...nodeSize(data.label, theme) };
      const existing = cy.getElementById(data.id);
      if (existing.nonempty()) {
        existing.data(sized);
        existing.classes(classes);
        continue;
      }
      const saved = positions[data.id];
      if (!saved) added.push(data.id);
      cy.add({ group: 'nodes', data: sized, classes, position: saved ? { ...saved } : { x: 0, y: 0 } } as ElementDefinition);
    }
    cy.add(elements.filter((e) => e.group === 'edges') as ElementDefinition[]);
  });

  if (added.length > 0) {
    // New models start in a grid below the ones already placed, then a force-directed layout settles them all.
    const fresh = cy.nodes().filter((node) => added.includes(node.id()));
    const placed = cy.nodes().difference(fresh);
    const box = placed.nonempty() ? placed.boundingBox() : { x1: 0, y2: 0, w: 0 };
    fresh
      .layout({
        name: 'grid',
        boundingBox: { x1: box.x1, y1: box.y2 + 80, w: Math.max(box.w, 200 * Math.sqrt(fresh.length)), h: 200 * Math.sqrt(fresh.length) },
        avoidOverlap: true,
        fit: false,
      })
      .run();
    cy.layout({
      name: 'cose',
      animate: false,
      randomize: false,
      fit: true,
      padding: 30,
      nodeOverlap: 20,
      idealEdgeLength: () => 80,
      nodeRepulsion: () => 60_000,
      componentSpacing: 80,
      gravity: 80,
    }).run();
    savePositions();
  } else if (firstDrawing) {
    // Every model has its place from before the panel was hidden: show them all.
    cy.fit(undefined, 30);
  }

  const models = cy.nodes('.model');
  document.body.classList.toggle('empty', models.empty());
  // What an end-to-end test reads from inside the webview's frame.
  document.body.dataset.models = models.map((node) => node.data('name') as string).join(',');
  document.body.dataset.findings = models
    .filter('.findings')
    .map((node) => node.data('name') as string)
    .join(',');
  document.body.dataset.relations = cy
    .edges()
    .map((edge) => `${edge.source().data('name')}.${edge.data('field')}→${edge.target().data('name')}`)
    .join(',');
  document.body.dataset.renders = String(Number(document.body.dataset.renders ?? 0) + 1);
}

function open(node: NodeSingular | undefined): boolean {
  const data = node?.data() as ModelNodeData | undefined;
  if (data?.kind !== 'model') return false;
  vscode.postMessage({ type: 'open', file: data.file, line: data.line, column: data.column });
  return true;
}

window.__stackscopeOpen = (name) => open(cy.nodes('.model').filter((node) => node.data('name') === name)[0]);

cy.on('tap', 'node.model', (event) => open(event.target as NodeSingular));
cy.on('dragfree', 'node', savePositions);
cy.on('mouseover', 'node.model', (event) => {
  const data = (event.target as NodeSingular).data() as ModelNodeData;
  const findings =
    data.findings.length === 0
      ? ''
      : ` — ${data.findings.length} finding${data.findings.length === 1 ? '' : 's'}: ${data.findings.join(' · ')}`;
  status.textContent = `${data.name} (${data.stack}, table ${data.table})${findings}`;
});
cy.on('mouseover', 'edge', (event) => {
  const edge = event.target as cytoscape.EdgeSingular;
  status.textContent = `${edge.source().data('name')}.${edge.data('field')}: ${edge.data('kind')} → ${edge.target().data('name')}`;
});
cy.on('mouseout', 'node, edge', () => {
  status.textContent = DEFAULT_STATUS;
});

document.getElementById('fit')!.addEventListener('click', () => cy.fit(undefined, 30));

// A theme change swaps the body class and the CSS variables on <html>: restyle and remeasure.
const restyle = new MutationObserver(() => {
  theme = readTheme();
  cy.style(stylesheet(theme));
  remeasure();
});
restyle.observe(document.body, { attributes: true, attributeFilter: ['class'] });
restyle.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (event.data?.type === 'model') render(event.data.elements);
});
vscode.postMessage({ type: 'ready' });
