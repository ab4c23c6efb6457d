import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';

// Debian's chromium driven by playwright-core, as the dashboard's browser test does. Without /usr/bin/chromium (a
// fresh machine) a browser suite is skipped with a message; `apt-get install -y chromium` enables it.
export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = fs.existsSync(CHROMIUM);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** `describe`, or `describe.skip` with a warning naming the suite when chromium is absent. */
export function describeWithChromium(name: string, body: () => void): void {
  if (!haveChromium) {
    // eslint-disable-next-line no-console
    console.warn(`SKIPPED ${name}: ${CHROMIUM} is absent (install it with: apt-get install -y chromium)`);
    describe.skip(name, body);
  } else describe(name, body);
}

/** A headless chromium with a throw-away profile; `close` removes the profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-pages-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: ARGS, headless: true });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Collects uncaught page errors, so a test can assert a page ran cleanly. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}
