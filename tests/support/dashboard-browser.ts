import * as fs from 'fs';
import type { BrowserContext, Page } from 'playwright-core';

// The dashboard's browser tests use Debian's chromium as the other pages' do (tests/support/browser.ts); these are
// the steps they share.
export { describeWithChromium, launchChromium, useHubInChromium } from './browser';

/**
 * Opens `url` in a new page of `width` × 900 px and waits until the page says it is ready (body[data-state=ready]);
 * any script error on the page fails the test.
 */
export async function openReady(context: BrowserContext, url: string, width = 1400): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 30_000 });
  expect(errors).toEqual([]);
  return page;
}

/** Clicks the CSV button `csvId` and returns the file's name and text. */
export async function downloadCsv(page: Page, csvId: string): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.click(`button[data-csv="${csvId}"]`);
  const file = await download;
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}
