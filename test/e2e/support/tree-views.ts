// The Stackscope activity-bar container and its tree views, reached the way a user does: click
// the container's icon, expand a collapsed view, open tree items until the wanted one shows.
import type { Locator, Page } from 'playwright-core';
import { waitFor } from './wait';

export async function openViewContainer(page: Page, title: string): Promise<void> {
  const icon = page
    .locator('.part.activitybar .action-item', { has: page.locator(`[aria-label^="${title}"]`) })
    .or(page.locator(`.part.activitybar .action-item[aria-label^="${title}"]`))
    .first();
  await icon.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await icon.getAttribute('aria-selected')) !== 'true' && !(await icon.evaluate((el) => el.classList.contains('checked')))) {
    await icon.click();
  }
  await page.locator('.part.sidebar .composite.title', { hasText: new RegExp(title, 'i') }).waitFor({ state: 'visible' });
}

export function viewPane(page: Page, viewTitle: string): Locator {
  return page.locator('.part.sidebar .pane', { has: page.locator('.pane-header .title', { hasText: new RegExp(`^${viewTitle}$`, 'i') }) });
}

export async function expandView(page: Page, viewTitle: string): Promise<Locator> {
  const pane = viewPane(page, viewTitle);
  const header = pane.locator('.pane-header');
  await header.waitFor({ state: 'visible' });
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  await pane.locator('.pane-body').waitFor({ state: 'visible' });
  return pane;
}

export async function collapseView(page: Page, viewTitle: string): Promise<void> {
  const header = viewPane(page, viewTitle).locator('.pane-header');
  await header.waitFor({ state: 'visible' });
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
}

/**
 * Waits for a row whose label matches `label` in a view, expanding collapsed rows (one per round,
 * top to bottom) while it is not shown yet. Returns every row's text for the report.
 */
export async function findTreeItem(page: Page, viewTitle: string, label: RegExp, timeoutMs: number): Promise<string[]> {
  const pane = viewPane(page, viewTitle);
  const rows = pane.locator('.pane-body .monaco-list-row');
  return waitFor(
    `a row matching ${label} in the ${viewTitle} view`,
    async () => {
      const labels = await rows.locator('.label-name').allTextContents();
      if (labels.some((text) => label.test(text.trim()))) return await rows.allTextContents();
      const collapsed = pane.locator('.pane-body .monaco-list-row[aria-expanded="false"]').first();
      // The twistie only expands; clicking the label would also run the item's open command.
      if (await collapsed.count()) await collapsed.locator('.monaco-tl-twistie').click();
      return undefined;
    },
    timeoutMs,
    400,
  );
}

/** The first row of a view whose label matches `label`. */
export function treeRow(page: Page, viewTitle: string, label: RegExp): Locator {
  return viewPane(page, viewTitle)
    .locator('.pane-body .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: label }) })
    .first();
}

export async function rowDescription(row: Locator): Promise<string> {
  return ((await row.locator('.label-description').first().textContent()) ?? '').trim();
}

export async function isExpanded(row: Locator): Promise<boolean> {
  return (await row.getAttribute('aria-expanded')) === 'true';
}

/** Opens or closes a row by its twistie (the label would also run the row's open command). */
export async function setExpanded(row: Locator, expanded: boolean): Promise<void> {
  await row.waitFor({ state: 'visible' });
  if ((await isExpanded(row)) === expanded) return;
  await row.locator('.monaco-tl-twistie').click();
  await waitFor(`the row to be ${expanded ? 'expanded' : 'collapsed'}`, async () => (await isExpanded(row)) === expanded, 5_000);
}
