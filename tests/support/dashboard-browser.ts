import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';

// Debian's chromium driven by playwright-core, for the dashboard's browser tests. Without /usr/bin/chromium (a fresh
// machine) those suites are skipped with a message; `apt-get install -y chromium` enables them.
export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = fs.existsSync(CHROMIUM);

/** `describe` when chromium is installed, otherwise `describe.skip` with a warning saying how to enable it. */
export function describeWithChromium(name: string, fn: () => void): void {
  if (!haveChromium) {
    // eslint-disable-next-line no-console
    console.warn(`SKIPPED ${name}: ${CHROMIUM} is absent (install it with: apt-get install -y chromium)`);
    describe.skip(name, fn);
    return;
  }
  describe(name, fn);
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** A headless chromium with its own throwaway profile; `close` removes the profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-dashboard-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: ARGS, headless: true, acceptDownloads: true });
  return {
    context,
    close: async () => { await context.close(); fs.rmSync(userDataDir, { recursive: true, force: true }); },
  };
}

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
