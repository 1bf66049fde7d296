// Screenshots: a failing step leaves one in the test output folder (kept by CI), and a passing
// run refreshes the two the README shows.
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

/** README screenshots are taken along the way but written only once every step has passed. */
export class ReadmeScreenshots {
  private readonly taken = new Map<string, Buffer>();

  async take(page: Page, name: string): Promise<void> {
    this.taken.set(name, await page.screenshot({ timeout: 10_000 }));
  }

  save(): string[] {
    mkdirSync(imagesDir, { recursive: true });
    return [...this.taken].map(([name, png]) => {
      writeFileSync(join(imagesDir, name), png);
      return name;
    });
  }
}
