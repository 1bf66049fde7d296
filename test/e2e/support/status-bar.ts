// The Stackscope status bar item as a user reads it, and every text it has shown since the page
// loaded. The first scan's "scanning n/N" lasts a second or two, before any step could look: a
// recorder installed before the workbench loads keeps it. (A string, not a function: the test code
// is compiled without the DOM's types.)
import type { Locator, Page } from 'playwright-core';

const RECORDER = `(() => {
  if (window.top !== window) return;
  const seen = (window.__stackscopeStatus = []);
  const record = () => {
    for (const item of document.querySelectorAll('.part.statusbar .statusbar-item')) {
      const text = (item.textContent || '').trim();
      if (text.startsWith('Stackscope') && seen[seen.length - 1] !== text) seen.push(text);
    }
  };
  new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

/** Call before the workbench's page loads. */
export async function recordStatusTexts(page: Page): Promise<void> {
  await page.addInitScript(RECORDER);
}

export async function recordedStatusTexts(page: Page): Promise<string[]> {
  return page.evaluate<string[]>('window.__stackscopeStatus ?? []');
}

export function stackscopeStatusItem(page: Page): Locator {
  return page.locator('.part.statusbar .statusbar-item', { hasText: /^Stackscope/ }).first();
}
