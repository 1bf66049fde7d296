// The project model as the explorer sees it: fetched from the server after every analysis, with
// one change event for all three views.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MODEL_REQUEST, type ModelResponse } from '../../server/src/protocol/messages';

export class ModelStore implements vscode.Disposable {
  private current: ModelResponse = { folders: [] };
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  get model(): ModelResponse {
    return this.current;
  }

  async refresh(): Promise<void> {
    if (!this.client.isRunning()) return;
    try {
      this.current = await this.client.sendRequest<ModelResponse>(MODEL_REQUEST, {});
      this.changed.fire();
    } catch (error) {
      this.client.error('Could not read the project model', error);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
