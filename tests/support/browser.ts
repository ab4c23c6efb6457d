import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { loadDemoIfEmpty } from '../../src/demo/load-demo-partnership';
import { startTestHub, TestHub } from './test-hub';

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

/** What a browser suite runs against: a test hub over the demo partnership, and chromium's browsing context. */
export interface HubInChromium {
  hub: TestHub;
  context: BrowserContext;
}

/**
 * The browser suites' shared set-up, to call inside their `describeWithChromium`: before the suite a test hub with
 * the demo partnership (unless `demo: false`, for a suite that stores its own records) and a headless chromium are
 * started and handed to `onStarted` (which may do the suite's own set-up, e.g. open a page); after it both are
 * stopped, whatever happened.
 */
export function useHubInChromium(onStarted: (started: HubInChromium) => void | Promise<void>, { demo = true } = {}): void {
  let hub: TestHub | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    hub = await startTestHub();
    if (demo) await loadDemoIfEmpty(hub.t.db);
    const browser = await launchChromium();
    closeBrowser = browser.close;
    await onStarted({ hub, context: browser.context });
  }, 180_000);
  afterAll(async () => {
    await closeBrowser?.();
    await hub?.close();
  });
}
