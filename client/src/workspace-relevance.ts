import * as vscode from 'vscode';
import { dependsOnSupported, MARKER_FILES } from './backend-markers';

const IGNORED = '**/{node_modules,.git,.venv,venv,dist,build}/**';
/** Monorepos hold many package.json files; a handful is enough to decide. */
const MANIFESTS_READ = 50;

/** Whether the open folders hold a Django or supported TypeScript backend (see backend-markers.ts). */
export async function workspaceHasBackend(): Promise<boolean> {
  for (const pattern of MARKER_FILES) {
    if ((await vscode.workspace.findFiles(pattern, IGNORED, 1)).length > 0) return true;
  }
  for (const uri of await vscode.workspace.findFiles('**/package.json', IGNORED, MANIFESTS_READ)) {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      if (dependsOnSupported(JSON.parse(text))) return true;
    } catch {
      // A half-written package.json says nothing either way.
    }
  }
  return false;
}
