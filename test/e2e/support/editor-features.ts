// What a user reaches through the command palette and the editor's own widgets: commands by their
// title, the hover at the cursor, a code lens above a line, the snippet picker, the walkthrough.
import type { Page } from 'playwright-core';
import { waitFor } from './wait';

/** F1, the command's title as shown in the palette, Enter on the row that shows it. */
export async function runPaletteCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+1');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget');
  await input.waitFor({ state: 'visible' });
  await page.keyboard.type(title, { delay: 5 });
  await input.locator('.monaco-list-row.focused', { hasText: title }).first().waitFor({ state: 'visible', timeout: 20_000 });
  await page.keyboard.press('Enter');
}

/** Picks a row of an open quick pick by its text (snippets, walkthroughs). */
export async function pickQuickInputRow(page: Page, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget');
  await input.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 20_000 });
  await page.keyboard.type(text, { delay: 5 });
  await input.locator('.monaco-list-row.focused', { hasText: text }).first().waitFor({ state: 'visible', timeout: 20_000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/**
 * Shows the hover at the cursor, as Ctrl+K Ctrl+I does, and returns its text once it holds `text`.
 * The hover opens with what is ready (a diagnostic) and fills in as providers answer: give each
 * opening a few seconds before trying again.
 */
export async function hoverText(page: Page, text: string | RegExp, timeoutMs: number): Promise<string> {
  const matches = (shown: string) => (typeof text === 'string' ? shown.includes(text) : text.test(shown));
  const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents');
  return waitFor(
    `a hover with ${text}`,
    async () => {
      await page.keyboard.press('Control+1');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      if (
        !(await hover
          .first()
          .isVisible()
          .catch(() => false))
      )
        await runPaletteCommand(page, 'Show or Focus Hover');
      const shown = await waitFor(
        'the hover to fill in',
        async () => {
          const now = (await hover.allTextContents()).join('\n');
          return matches(now) ? now : undefined;
        },
        5_000,
        250,
      ).catch(() => undefined);
      if (shown) return shown;
      await page.keyboard.press('Escape');
      return undefined;
    },
    timeoutMs,
    1_000,
  );
}

/** The text of the code lens in the active editor that matches `text`. */
export async function codeLensText(page: Page, text: RegExp, timeoutMs: number): Promise<string> {
  const lenses = page.locator('.editor-group-container.active .monaco-editor .codelens-decoration');
  return waitFor(
    `a code lens matching ${text}`,
    async () => {
      const shown = await lenses.allTextContents();
      return shown.find((lens) => text.test(lens));
    },
    timeoutMs,
    500,
  );
}

/**
 * The frame of a webview whose body carries `data-<key>`: VS Code nests a webview's page two
 * iframes deep, and the page sets its data attributes once it has drawn.
 */
export async function webviewFrame(page: Page, key: string, timeoutMs: number): Promise<import('playwright-core').Frame> {
  return waitFor(
    `a webview that has drawn (body[data-${key}])`,
    async () => {
      for (const frame of page.frames()) {
        const found = await frame.evaluate<boolean>(`document.body?.dataset[${JSON.stringify(key)}] !== undefined`).catch(() => false);
        if (found) return frame;
      }
      return undefined;
    },
    timeoutMs,
    500,
  );
}
