import * as fs from 'fs';
import { parse, OperationDefinitionNode, Kind } from 'graphql';
import type { BrowserContext, Page } from 'playwright-core';
import { describeWithChromium, useHubInChromium } from '../support/browser';
import type { TestHub } from '../support/test-hub';

// The dashboard in a real browser (Debian's chromium driven by playwright-core, tests/support/browser.ts).
const AGGREGATE_OPERATIONS = new Set(['me', 'authorities', 'familyFindingSummary', 'childrenInFamilyFindingBreakdown', 'adopterPipeline',
  'approvedAdopterWaits', 'enquiriesPerMonth', 'matchesPerMonth', 'supportCaseSummary', 'scorecard', 'scorecardTrend', 'inferenceControlRules', 'adopterFunnel', 'adopterTimeliness', 'adopterIndicators', 'householdsLeaving',
  'stageCountTrend']);

let hub: TestHub;
let context: BrowserContext;

/** Every /graphql exchange a page makes: the request body and the response text. */
function recordGraphql(page: Page): { query: string; response: string }[] {
  const seen: { query: string; response: string }[] = [];
  page.on('response', async (res) => {
    if (!res.url().endsWith('/graphql')) return;
    const body = JSON.parse(res.request().postData() ?? '{}') as { query?: string };
    seen.push({ query: body.query ?? '', response: await res.text().catch(() => '') });
  });
  return seen;
}

async function openDashboard(hash: string, waitReady = hash !== ''): Promise<{ page: Page; traffic: { query: string; response: string }[] }> {
  const page = await context.newPage();
  const traffic = recordGraphql(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${hub.url}/dashboard${hash}`);
  if (waitReady) await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 30_000 });
  expect(errors).toEqual([]);
  return { page, traffic };
}

const chart = (page: Page, id: string) => page.evaluate((i) => (window as any).__charts[i], id);

describeWithChromium('the dashboard page in chromium', () => {
  useHubInChromium((started) => { ({ hub, context } = started); });

  it("draws the demo's figures for an analyst, suppressed numbers as suppressed, and no child-level data on the wire", async () => {
    const { page, traffic } = await openDashboard(`#token=${hub.token('la_analyst', 'BDG', 'an.bdg.1')}`);
    expect(page.url()).not.toContain('token='); // taken out of the address bar

    const stages = await chart(page, 'stages');
    expect(stages.labels).toEqual(['Barking and Dagenham', 'Havering', 'Newham', 'Tower Hamlets']);
    const series = (label: string) => stages.datasets.find((d: { label: string }) => d.label === label).data;
    expect(series('Family finding')).toEqual([8, null, 6, 19]);
    expect(series('Parallel planning')).toEqual([17, null, null, 21]);
    expect(series('Matched / placed')).toEqual([21, 6, 14, null]);

    const unbornNewham = page.locator('#stages-table tbody tr').filter({ hasText: 'Unborn baby' }).locator('td').nth(2);
    expect(await unbornNewham.textContent()).toBe('[c]');
    expect(await unbornNewham.getAttribute('data-suppressed')).toBe('true');
    expect(await unbornNewham.getAttribute('title')).toMatch(/Withheld/);
    const zero = page.locator('#stages-table tbody tr').filter({ hasText: 'Unborn baby' }).locator('td').nth(0);
    expect(await zero.textContent()).toBe('0');

    const trend = await chart(page, 'trend');
    expect(trend.labels).toEqual(['2017', '2018', '2019', '2020', '2021']);
    expect(trend.datasets.find((d: { label: string }) => d.label === 'A10').data.slice(2)).toEqual([642, 465, 503]);
    expect(trend.datasets.find((d: { label: string }) => d.label === 'A2').data.slice(2)).toEqual([394, 246, 218]);
    expect(await page.locator('#scorecard-table td[data-field="a10Days"]').first().textContent()).toBe('503');

    const download = page.waitForEvent('download');
    await page.click('button[data-csv="stages"]');
    const csv = fs.readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')).toContain('Stage,Barking and Dagenham,Havering,Newham,Tower Hamlets,Total');
    // The total of a row with a suppressed figure is its lower bound (7 shown + at least 1), as a number.
    expect(csv).toMatch(/^Unborn baby,0,0,\[c\],7,8\r$/m);

    // Only aggregate operations were sent...
    const fields = traffic.flatMap((t) => (parse(t.query).definitions as OperationDefinitionNode[])
      .flatMap((d) => d.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '?'))));
    expect(fields.length).toBeGreaterThan(8);
    expect(fields.filter((f) => !AGGREGATE_OPERATIONS.has(f))).toEqual([]);
    // ...and no response carries a child's id, source id, UPN, name or date of birth.
    // The scorecard's window dates, the figures' snapshot day (asOf) and quarter bounds are the only dates on the
    // wire; taken out, no date of birth may remain.
    const wire = traffic.map((t) => t.response).join('\n').replace(/"(window(From|To)|asOf|quarter(Start|End))":"[0-9-]+"/g, '');
    const kids = await hub.t.db.query<{ id: string; source_id: string; upn: string | null; first_name: string | null; last_name: string | null; dob: string | null }>(
      `SELECT id, source_id, upn, first_name, last_name, to_char(date_of_birth, 'YYYY-MM-DD') AS dob FROM child`);
    expect(kids.length).toBeGreaterThan(1000);
    const leaks = kids.flatMap((k) => [k.id, k.source_id, k.upn, k.dob, k.first_name && k.last_name ? `${k.first_name} ${k.last_name}` : null]
      .filter((v): v is string => Boolean(v) && wire.includes(v as string)));
    expect(leaks).toEqual([]);
    expect(wire).not.toMatch(/"(firstName|lastName|dateOfBirth|sourceId|children|child)"/);
    await page.close();
  });

  it('signs in with the development demo-role picker and shows an RAA manager the figures unsuppressed', async () => {
    const { page } = await openDashboard('');
    await page.waitForSelector('#demo-form:not([hidden])');
    await page.selectOption('#demo-person', 'raa_manager|ALE');
    await page.click('#demo-form button[type="submit"]');
    await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 30_000 });
    const stages = await chart(page, 'stages');
    expect(stages.datasets.find((d: { label: string }) => d.label === 'Family finding').data).toEqual([8, 4, 6, 19]);
    expect(await page.locator('#stages-table td[data-suppressed="true"]').count()).toBe(0);
    const pipeline = await chart(page, 'pipeline');
    expect(pipeline.datasets[0].data.slice(0, 4)).toEqual([21, 17, 9, 19]);
    const siblings = await chart(page, 'siblings');
    const perBand = siblings.labels.map((_: string, i: number) => siblings.datasets.reduce((s: number, d: { data: number[] }) => s + d.data[i], 0));
    expect(perBand).toEqual([30, 34, 6]);
    await page.close();
  });

  it('refuses a bad token and shows the sign-in form again', async () => {
    const { page } = await openDashboard('#token=not-a-jwt', false);
    await page.waitForSelector('#sign-in:not([hidden])');
    expect(await page.locator('#sign-in-error').textContent()).toMatch(/not accepted/);
    await page.close();
  });
});
