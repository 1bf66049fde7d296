import * as vscode from 'vscode';
import type { DidAnalyzeParams, ScanProgressParams } from '../../server/src/protocol/messages';
import { countsStatus, scanningStatus, type StatusText } from './status-text';

/** The workspace's finding counts, or how far a scan is; a click opens the Problems panel. */
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

  update(params: DidAnalyzeParams): void {
    this.set(countsStatus(params));
  }

  scanning(params: ScanProgressParams): void {
    this.set(scanningStatus(params));
  }

  private set({ text, tooltip }: StatusText): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    this.item.dispose();
  }
}
