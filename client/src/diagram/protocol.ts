// What the extension and the diagram webview exchange: the graph's elements (in cytoscape's
// element format) and the webview's requests. Types only, so both the Node bundle and the browser
// bundle can import it.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A Stackscope diagnostic, reduced to what the diagram marks: where it is and what it says. */
export interface FindingMark {
  /** Absolute file system path. */
  file: string;
  /** 1-based. */
  line: number;
  severity: Severity;
  message: string;
}

export interface ModelNodeData {
  id: string;
  kind: 'model';
  name: string;
  /** The multi-line text drawn in the node: name, table, fields with markers, multi-column indexes. */
  label: string;
  stack: string;
  table: string;
  /** Absolute path of the model's source, and its 1-based position. */
  file: string;
  line: number;
  column: number;
  /** Messages of the findings on the model's declaration, fields and indexes. */
  findings: string[];
  /** The worst severity among `findings`. */
  severity?: Severity;
}

/** A relation target that is not a model of the project (`auth.User`, `settings.AUTH_USER_MODEL`). */
export interface ExternalNodeData {
  id: string;
  kind: 'external';
  name: string;
  label: string;
}

export interface RelationEdgeData {
  id: string;
  source: string;
  target: string;
  /** `many-to-one`, `one-to-one`, `one-to-many` or `many-to-many`. */
  kind: string;
  field: string;
  label: string;
}

export type DiagramElement =
  { group: 'nodes'; data: ModelNodeData | ExternalNodeData; classes: string } | { group: 'edges'; data: RelationEdgeData; classes: string };

/** Extension → webview. */
export type ToWebview = { type: 'model'; elements: DiagramElement[] };

/** Webview → extension: `ready` once the script runs (and after every reload of a hidden panel), `open` on a tap on a model. */
export type FromWebview = { type: 'ready' } | { type: 'open'; file: string; line: number; column: number };
