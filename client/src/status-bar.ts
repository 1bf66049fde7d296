import * as vscode from 'vscode';
import type { DidAnalyzeParams } from '../../server/src/protocol/messages';

/** The workspace's finding counts; a click opens the Problems panel. */
export class FindingsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('stackscope.findings', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Stackscope';
    this.item.text = '$(loading~spin) Stackscope';
    this.item.tooltip = 'Stackscope is analysing the workspace';
    this.item.command = 'workbench.actions.view.problems';
  }

  /** Shown once the server runs: an idle workspace gets no status bar item. */
  show(): void {
    this.item.show();
  }

  update({ counts, files, millis }: DidAnalyzeParams): void {
    const parts = [`$(error) ${counts.error}`, `$(warning) ${counts.warning}`];
    if (counts.info + counts.hint > 0) parts.push(`$(info) ${counts.info + counts.hint}`);
    this.item.text = `Stackscope ${parts.join(' ')}`;
    this.item.tooltip = `Stackscope: ${counts.error} errors, ${counts.warning} warnings, ${counts.info + counts.hint} notes in ${files} files (last analysis ${millis} ms). Click for the Problems panel.`;
  }

  dispose(): void {
    this.item.dispose();
  }
}
