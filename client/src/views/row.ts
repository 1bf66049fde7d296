// An explorer row as plain data: what a tree item shows, where it opens and what it holds. The
// views build rows from the JSON model (no `vscode` import, so the unit tests build them too), and
// node.ts turns them into tree items.

export interface Row<Icon extends string = string> {
  label: string;
  description: string;
  /** Markdown paragraphs of the tooltip. */
  tooltip: string[];
  icon: Icon;
  /** Where the row opens, relative to its workspace folder. */
  at?: { file: string; line: number; column?: number };
  children: Row<Icon>[];
  expanded: boolean;
  /** What the row is, for menus and for finding it again (`model`). */
  kind?: string;
  /**
   * Names the row across rebuilds (unique in its view and folder), so that VS Code keeps it
   * selected and expanded when the model is served again after an analysis.
   */
  id?: string;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** The mark a row gets for its findings: the most severe one, except a hint (VS Code lists hints nowhere, so neither do the views). */
export function findingMark(worst: Severity | undefined): 'error' | 'warning' | 'info' | undefined {
  return worst === 'hint' ? undefined : worst;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
