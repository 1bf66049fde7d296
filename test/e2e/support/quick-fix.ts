// Chooses a quick fix from the Ctrl+. menu by its title. Rows are reached with the arrow keys (a
// click can land on an overlay), and the title is matched as text because other extensions add
// their own entries around ours.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { outputDir } from './paths';
import { sleep } from './wait';

const MENU = '.action-widget';
const NO_ACTIONS = /No code actions available/i;

/** Opens the quick-fix menu; retries while the first requests answer with nothing. */
export async function openQuickFixMenu(page: Page, title: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = 'nothing';
  // What the screen showed at each try, kept as evidence when the menu never comes.
  const shots: Buffer[] = [];
  while (Date.now() < deadline) {
    // A menu from an earlier try that came late would take this key as "apply": close it first.
    if ((await page.locator(`${MENU}:visible`).count()) > 0) {
      await page.keyboard.press('Escape');
      await page
        .locator(`${MENU}:visible`)
        .first()
        .waitFor({ state: 'hidden', timeout: 5_000 })
        .catch(() => undefined);
    }
    await page.keyboard.press('Control+.');
    const outcome = await Promise.race([
      page
        .locator(MENU, { hasText: title })
        .waitFor({ state: 'visible', timeout: 5_000 })
        .then(() => 'menu'),
      page
        .locator('.monaco-editor-overlaymessage', { hasText: NO_ACTIONS })
        .waitFor({ state: 'visible', timeout: 5_000 })
        .then(() => 'none'),
    ]).catch(() => 'timeout');
    if (outcome === 'menu') return;
    const rows = await page
      .locator(`${MENU} .monaco-list-row`)
      .allTextContents()
      .catch(() => []);
    seen = outcome === 'none' ? '"No code actions available"' : rows.length > 0 ? `a menu with ${rows.join(' | ')}` : 'no menu';
    shots.push(await page.screenshot({ timeout: 10_000 }).catch(() => Buffer.alloc(0)));
    await page.keyboard.press('Escape');
    await sleep(1_500);
  }
  mkdirSync(outputDir, { recursive: true });
  shots.slice(0, 3).forEach((png, i) => writeFileSync(join(outputDir, `quick-fix-try-${i + 1}.png`), png));
  throw new Error(
    `the quick-fix menu never offered "${title}" within ${timeoutMs / 1000} s; last seen: ${seen} (the first tries: quick-fix-try-*.png)`,
  );
}

export async function chooseQuickFix(page: Page, title: string): Promise<void> {
  const rows = page.locator(`${MENU} .monaco-list-row`);
  const count = await rows.count();
  for (let i = 0; i <= count; i++) {
    const focused = await page
      .locator(`${MENU} .monaco-list-row.focused`)
      .textContent()
      .catch(() => null);
    if (focused?.includes(title)) {
      await page.keyboard.press('Enter');
      await page.locator(MENU).waitFor({ state: 'hidden' });
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no row of the quick-fix menu could be focused with "${title}"; rows: ${(await rows.allTextContents()).join(' | ')}`);
}
