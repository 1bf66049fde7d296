// What a user does in the VS Code workbench, by keyboard where a user would: open a file with
// Quick Open, jump to a line, open the Problems panel, save. Selectors are VS Code's own DOM
// classes (stable across 1.9x/1.10x); texts matched are texts this project or the test owns.
import type { Locator, Page } from 'playwright-core';
import { waitFor } from './wait';

export async function waitForWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 90_000 });
  // The explorer lists the workspace once the file service is ready; keys pressed before that are lost.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
}

function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

export async function quickOpen(page: Page, relativePath: string): Promise<void> {
  const fileName = relativePath.split('/').pop()!;
  await page.keyboard.press('Control+P');
  await quickInput(page).waitFor({ state: 'visible' });
  await page.keyboard.type(relativePath, { delay: 10 });
  // Quick Open fills and re-sorts its list asynchronously (file search): Enter opens the focused
  // row, so wait until that row is the file, not merely until the file is listed.
  await quickInput(page).locator('.monaco-list-row.focused', { hasText: fileName }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ state: 'visible' });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor({ state: 'visible' });
}

/** Puts the cursor on a line (and column, 1-based) with Go to Line, as a user types `12` or `12:5`. */
export async function goToLine(page: Page, line: number, column?: number): Promise<void> {
  await page.keyboard.press('Control+1'); // focus the editor, wherever focus was
  await page.keyboard.press('Control+G');
  await quickInput(page).waitFor({ state: 'visible' });
  await page.keyboard.type(column ? `${line}:${column}` : String(line));
  await page.keyboard.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden' });
  await waitForCursorAt(page, line, column);
}

/** Waits until the status bar puts the cursor on `line` (and `column`, 1-based), as a user checks where they are. */
export async function waitForCursorAt(page: Page, line: number, column?: number, timeoutMs = 10_000): Promise<void> {
  const expected = column ? `Ln ${line}, Col ${column}` : `Ln ${line},`;
  await waitFor(
    `the cursor at ${expected}`,
    async () => {
      const status = await page.locator('.statusbar-item[id="status.editor.selection"]').textContent();
      return status !== null && status.includes(expected);
    },
    timeoutMs,
  );
}

export function problemsPanel(page: Page): Locator {
  return page.locator('.markers-panel');
}

export async function openProblems(page: Page): Promise<void> {
  await page.keyboard.press('Control+Shift+M');
  await problemsPanel(page).waitFor({ state: 'visible' });
}

/** Rows of the Problems panel, as text, once one of them contains `text`. */
export async function waitForProblem(page: Page, text: string, timeoutMs: number): Promise<string[]> {
  const rows = problemsPanel(page).locator('.monaco-list-row');
  return waitFor(
    `a problem mentioning ${text} in the Problems panel`,
    async () => {
      const texts = await rows.allTextContents();
      return texts.some((row) => row.includes(text)) ? texts : undefined;
    },
    timeoutMs,
    500,
  );
}

export async function save(page: Page): Promise<void> {
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
}
