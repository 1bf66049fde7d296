// Screenshots: a failing step leaves one in the test output folder (kept by CI). The README's are
// taken along the way and, once every step has passed, written to the test output folder too, and
// over images/ only when asked (UPDATE_SCREENSHOTS=1): a test run must not change tracked files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { imagesDir, outputDir } from './paths';

export async function failureScreenshot(page: Page, step: string): Promise<string | undefined> {
  mkdirSync(outputDir, { recursive: true });
  const file = join(outputDir, `${step.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
  try {
    await page.screenshot({ path: file, timeout: 10_000 });
    return file;
  } catch {
    return undefined; // the page may be gone; the error that got us here matters more
  }
}

export const updateReadmeImages = process.env.UPDATE_SCREENSHOTS === '1';

export class ReadmeScreenshots {
  private readonly taken = new Map<string, Buffer>();

  async take(page: Page, name: string): Promise<void> {
    this.taken.set(name, await page.screenshot({ timeout: 10_000 }));
  }

  /** Writes the screenshots; returns the folder they went to. */
  save(): string {
    const dir = updateReadmeImages ? imagesDir : join(outputDir, 'readme-images');
    mkdirSync(dir, { recursive: true });
    for (const [name, png] of this.taken) writeFileSync(join(dir, name), png);
    return dir;
  }
}
