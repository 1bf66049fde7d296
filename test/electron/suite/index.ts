// Runs inside the VS Code extension host started by ../runTest.ts. The same checks as the
// code-server test, through the API: the diagnostic on settings.py, its quick fix written to
// disk, and the explorer views registered. No test framework: each check throws on failure.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

const EXTENSION_ID = 'stackscope.stackscope';
const SETTINGS = 'django-shop/shop/settings.py';
const FIX_TITLE = 'Set SESSION_COOKIE_SECURE = True';

async function poll<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

function settingsUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'runTest.ts opens examples/ as the workspace');
  return vscode.Uri.joinPath(folder.uri, ...SETTINGS.split('/'));
}

async function diagnosticOnSettings(): Promise<vscode.Diagnostic> {
  const uri = settingsUri();
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return poll(
    'a Stackscope diagnostic on SESSION_COOKIE_SECURE',
    () => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'stackscope' && d.message.includes('SESSION_COOKIE_SECURE')),
    60_000,
  );
}

async function quickFixWritesTrue(diagnostic: vscode.Diagnostic): Promise<void> {
  const uri = settingsUri();
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const fix = actions.find((action) => action.title === FIX_TITLE);
  assert.ok(fix, `no code action titled "${FIX_TITLE}"; offered: ${actions.map((a) => a.title).join(', ')}`);
  if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit was not applied');
  if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  const document = await vscode.workspace.openTextDocument(uri);
  assert.ok(await document.save(), 'settings.py could not be saved');
  const onDisk = readFileSync(uri.fsPath, 'utf8');
  assert.match(onDisk, /^SESSION_COOKIE_SECURE = True$/m);
  assert.doesNotMatch(onDisk, /^SESSION_COOKIE_SECURE = False$/m);
}

async function viewsRegistered(extension: vscode.Extension<unknown>): Promise<void> {
  const manifest = extension.packageJSON as { contributes?: { views?: Record<string, { id: string; name: string }[]> } };
  const views = Object.values(manifest.contributes?.views ?? {}).flat();
  for (const name of ['Models', 'Signals', 'Middleware']) {
    assert.ok(
      views.some((view) => view.name === name),
      `no view named ${name} in the manifest`,
    );
  }
  // VS Code creates a `<view id>.focus` command for every view it registered from a manifest.
  const commands = await vscode.commands.getCommands(true);
  for (const view of views) {
    assert.ok(commands.includes(`${view.id}.focus`), `view ${view.id} is not registered`);
    await vscode.commands.executeCommand(`${view.id}.focus`);
  }
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  await extension.activate();

  const checks: [string, () => Promise<void>][] = [
    ['the diagnostic on settings.py and its quick fix', async () => quickFixWritesTrue(await diagnosticOnSettings())],
    ['the Models, Signals and Middleware views', () => viewsRegistered(extension)],
  ];
  const failures: string[] = [];
  for (const [name, check] of checks) {
    try {
      await check();
      console.log(`  ✔ ${name}`);
    } catch (error) {
      console.log(`  ✘ ${name}`);
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failures.length > 0) throw new Error(`${failures.length} check(s) failed:\n${failures.join('\n')}`);
}
