import type { BrowserContext, Page } from 'playwright-core';
import { describeWithChromium, pageErrors, useHubInChromium } from '../support/browser';
import type { TestHub } from '../support/test-hub';

// The family-finding pages in a real browser over the demo partnership: what a family finder, a social worker and
// an LA analyst see, each through the GraphQL API with their own token.
let hub: TestHub;
let context: BrowserContext;

const ready = (page: Page) => page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 30_000 });

/** Opens a page signed in with `token` (through `#token=`) and waits until its view is drawn. */
async function open(path: string, token: string, width = 1400): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const errors = pageErrors(page);
  await page.goto(`${hub.url}${path}#token=${token}`);
  await ready(page);
  return { page, errors };
}

/** Follows a link or submits a form that loads another view, and waits for it. */
async function follow(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForNavigation(), action()]);
  await ready(page);
}

const text = (page: Page, selector: string) => page.locator(selector).first().innerText();
const dd = (page: Page, field: string) => text(page, `#child-details [data-field="${field}"] dd`);
const ukDate = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

describeWithChromium('the family-finding pages in chromium', () => {
  useHubInChromium((started) => { ({ hub, context } = started); });

  it('lets a family finder find a child with the filters, open the profile and see households with reasons for and against', async () => {
    const ff = hub.token('family_finder', 'ALE', 'ff.ale.1');
    const { page, errors } = await open('/family-finding', ff);
    expect(page.url()).not.toContain('token=');

    await page.getByLabel('Family finding', { exact: true }).check();
    await page.getByLabel('Tower Hamlets').check();
    await page.getByLabel('Waiting at least (days)').fill('300');
    await follow(page, () => page.getByRole('button', { name: 'Search' }).click());
    expect(new URL(page.url()).searchParams.getAll('stage')).toEqual(['FAMILY_FINDING']);

    const [{ n }] = await hub.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM child
      WHERE authority = 'TWH' AND stage = 'FAMILY_FINDING' AND COALESCE(matched_on, current_date) - entered_care_on >= 300`);
    expect(n).toBeGreaterThan(1);
    expect(await text(page, '#result-summary')).toMatch(new RegExp(`^${n} children match`));
    const rows = page.locator('#children-table tbody tr');
    expect(await rows.count()).toBe(Math.min(n, 20));
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => (c as HTMLElement).innerText)));
    expect(new Set(cells.map((c) => c[1]))).toEqual(new Set(['Tower Hamlets']));
    expect(new Set(cells.map((c) => c[3]))).toEqual(new Set(['Family finding']));
    const waits = cells.map((c) => Number(c[6].replace(/,/g, '')));
    expect(waits.every((d) => d >= 300)).toBe(true);
    expect(waits).toEqual([...waits].sort((a, b) => b - a)); // longest waiting first

    const firstName = cells[0][0];
    await follow(page, () => rows.first().getByRole('link').click());
    const id = new URL(page.url()).searchParams.get('id') as string;
    const [child] = await hub.t.db.query<{ first_name: string; entered: string; po: string | null }>(
      `SELECT first_name, to_char(entered_care_on, 'YYYY-MM-DD') AS entered, to_char(placement_order_on, 'YYYY-MM-DD') AS po FROM child WHERE id = $1`, [id]);
    expect(await text(page, '#view h1')).toBe(firstName);
    expect(child.first_name).toBe(firstName);
    expect(await text(page, '#days-waiting')).toBe(`waiting ${waits[0].toLocaleString('en-GB')} days`);
    expect(await text(page, '#milestones tr:has-text("Entered care") td')).toBe(ukDate(child.entered));
    // Fields a family finder may not read say so, rather than being blank.
    for (const field of ['lastName', 'dateOfBirth', 'upn', 'nhsNumber']) expect(await dd(page, field)).toBe('Not available to your role');
    expect(await dd(page, 'firstName')).toBe(firstName);

    // The suggestions are the hub's own, with its sentences for and against.
    const api = await hub.gql(ff, `query($id: ID!) { matchSuggestions(childId: $id, first: 10) { reasonsFor reasonsAgainst household { reference } } }`, { id });
    const suggestions = api.body.data.matchSuggestions as { reasonsFor: string[]; reasonsAgainst: string[]; household: { reference: string } }[];
    expect(suggestions.length).toBeGreaterThan(0);
    await page.waitForSelector('#match-suggestions article');
    const cards = page.locator('#match-suggestions article');
    expect(await cards.count()).toBe(suggestions.length);
    expect(await cards.first().locator('h3 a').innerText()).toBe(`Household ${suggestions[0].household.reference}`);
    expect(await cards.first().locator('.reasons.for li').allInnerTexts()).toEqual(suggestions[0].reasonsFor);
    expect(await cards.first().locator('.reasons.against li').allInnerTexts())
      .toEqual(suggestions[0].reasonsAgainst.length ? suggestions[0].reasonsAgainst : []);
    expect(suggestions[0].reasonsFor.length).toBeGreaterThan(0);

    // Nothing on the page is a GraphQL name or code.
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/FORBIDDEN|lastName|matchSuggestions|You may not read/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a social worker every field of their own LA’s child, and nothing of another LA’s', async () => {
    const [own] = await hub.t.db.query<{ id: string; first_name: string; last_name: string; dob: string; upn: string }>(`
      SELECT id, first_name, last_name, to_char(date_of_birth, 'YYYY-MM-DD') AS dob, upn FROM child
      WHERE authority = 'BDG' AND stage = 'FAMILY_FINDING' AND last_name IS NOT NULL AND upn IS NOT NULL AND date_of_birth IS NOT NULL
      ORDER BY source_id LIMIT 1`);
    const sw = hub.token('social_worker', 'BDG', 'sw.bdg.1');
    const { page, errors } = await open(`/family-finding/child?id=${own.id}`, sw);
    expect(await text(page, '#view h1')).toBe(`${own.first_name} ${own.last_name}`);
    expect(await page.locator('[data-refused]').count()).toBe(0);
    expect(await dd(page, 'lastName')).toBe(own.last_name);
    expect(await dd(page, 'dateOfBirth')).toBe(ukDate(own.dob));
    expect(await dd(page, 'upn')).toBe(own.upn);
    expect(await dd(page, 'birthFamilyBackground')).not.toMatch(/Not available/);

    // The list holds only the LA's own children, with surnames.
    await follow(page, () => page.getByRole('navigation', { name: 'Family finding pages' }).getByRole('link', { name: 'Children' }).click());
    const las = await page.locator('#children-table tbody tr td:nth-child(2)').allInnerTexts();
    expect(las.length).toBe(20);
    expect(new Set(las)).toEqual(new Set(['Barking and Dagenham']));
    expect(await page.locator('#children-table [data-refused]').count()).toBe(0);

    const [other] = await hub.t.db.query<{ id: string }>(`SELECT id FROM child WHERE authority = 'NHM' AND stage = 'FAMILY_FINDING' LIMIT 1`);
    await page.goto(`${hub.url}/family-finding/child?id=${other.id}`);
    await ready(page);
    expect(await text(page, '.refusal')).toMatch(/No child with this reference is within your access/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pages forward two pages and back one to the same children, and back again to the first page', async () => {
    const { page, errors } = await open('/family-finding', hub.token('family_finder', 'ALE', 'ff.ale.1'));
    const children = () => page.locator('#children-table tbody tr th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const pageOne = await children();
    expect(pageOne).toHaveLength(20);
    expect(await page.locator('#previous-page').count()).toBe(0); // nothing before the first page

    await follow(page, () => page.getByRole('link', { name: 'Next 20' }).click());
    const pageTwo = await children();
    await follow(page, () => page.getByRole('link', { name: 'Next 20' }).click());
    const pageThree = await children();
    expect(await text(page, '#result-summary')).toMatch(/Showing 41–/);
    expect(new Set([...pageOne, ...pageTwo, ...pageThree]).size).toBe(pageOne.length + pageTwo.length + pageThree.length);

    await follow(page, () => page.getByRole('link', { name: 'Previous 20' }).click());
    expect(await children()).toEqual(pageTwo);
    expect(await text(page, '#result-summary')).toMatch(/Showing 21–40\.$/);
    expect(await text(page, '#children-table caption')).toMatch(/page 2\)$/);

    await follow(page, () => page.getByRole('link', { name: 'Previous 20' }).click());
    expect(await children()).toEqual(pageOne);
    expect(await page.locator('#previous-page').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses an LA analyst with a sentence, not a GraphQL field name', async () => {
    const { page, errors } = await open('/family-finding', hub.token('la_analyst', 'BDG', 'an.bdg.1'));
    const refusal = await text(page, '#refusal');
    expect(refusal).toBe('Your role (LA performance analyst) does not give access to children’s records. '
      + 'Figures for your authority, with small numbers suppressed, are on the dashboard.');
    expect(await page.locator('body').innerText()).not.toMatch(/may not use|children\(|FORBIDDEN/);
    expect(await page.getByRole('link', { name: 'Open the dashboard' }).getAttribute('href')).toBe('/dashboard');
    expect(await page.locator('#children-table').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves a search, re-runs it and deletes it', async () => {
    const ff = hub.token('family_finder', 'ALE', 'ff.ale.2');
    const { page } = await open('/family-finding?stage=FAMILY_FINDING&minAge=3', ff);
    const summary = await text(page, '#result-summary');
    const count = Number(/^(\d+) children/.exec(summary)?.[1]);
    expect(count).toBeGreaterThan(0);
    await page.getByLabel('Name').fill('Three and over, family finding');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(() => /Saved as/.test(document.getElementById('save-message')?.textContent ?? ''));

    await follow(page, () => page.getByRole('link', { name: 'Saved searches' }).click());
    const row = page.locator('#searches-table tbody tr').filter({ hasText: 'Three and over, family finding' });
    expect(await row.locator('td').nth(0).innerText()).toBe('aged 3 years or more; at Family finding');
    expect(await row.locator('td').nth(1).innerText()).toBe(String(count));

    await follow(page, () => row.getByRole('link', { name: /Run/ }).click());
    expect(await text(page, '#view h1')).toBe('Saved search: Three and over, family finding');
    expect(await text(page, '#result-summary')).toBe(summary);

    await follow(page, () => page.getByRole('link', { name: 'Saved searches' }).click());
    page.once('dialog', (d) => d.accept());
    await page.locator('#searches-table tbody tr').filter({ hasText: 'Three and over' }).getByRole('button', { name: /Delete/ }).click();
    await page.waitForFunction(() => /Deleted/.test(document.getElementById('searches-message')?.textContent ?? ''));
    expect(await page.locator('#searches-table').count()).toBe(0);
    const left = await hub.t.db.query(`SELECT 1 FROM saved_search WHERE viewer_sub = 'ff.ale.2'`);
    expect(left).toEqual([]);
    await page.close();
  });

  it('suggests children for an approved household (the reverse search), with reasons', async () => {
    const ff = hub.token('family_finder', 'ALE', 'ff.ale.1');
    const { page } = await open('/family-finding/households', ff);
    const [{ n }] = await hub.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM adopter_household WHERE agency = 'ALE' AND stage = 'APPROVED'`);
    expect(await page.locator('#households-table tbody tr').count()).toBe(Math.min(n, 25));
    await follow(page, () => page.locator('#households-table tbody tr').first().getByRole('link').click());
    await page.waitForSelector('#child-suggestions article, #child-suggestions-panel p');
    const cards = page.locator('#child-suggestions article');
    expect(await cards.count()).toBeGreaterThan(0);
    expect((await cards.first().locator('.reasons.for li').allInnerTexts()).length).toBeGreaterThan(0);
    await page.close();
  });

  it('signs in with the demo-person picker outside production', async () => {
    const page = await context.newPage();
    await page.goto(`${hub.url}/family-finding`);
    await page.waitForSelector('#demo-form:not([hidden])');
    await page.selectOption('#demo-person', 'family_finder|ALE');
    await page.click('#demo-form button[type="submit"]');
    await ready(page);
    expect(await text(page, '#viewer')).toMatch(/family finder · Adopt London East/);
    expect(await page.locator('#children-table tbody tr').count()).toBe(20);
    await page.close();
  });

  it('fits 1,400 px and a tablet without sideways scrolling, prints without controls, and labels every control', async () => {
    const ff = hub.token('family_finder', 'ALE', 'ff.ale.1');
    const [c] = await hub.t.db.query<{ id: string }>(`SELECT id FROM child WHERE authority = 'TWH' AND stage = 'FAMILY_FINDING' AND sibling_group_id IS NOT NULL LIMIT 1`);
    for (const width of [1400, 768]) {
      for (const path of ['/family-finding', `/family-finding/child?id=${c.id}`, '/family-finding/households']) {
        const { page } = await open(path, ff, width);
        await page.waitForSelector('table');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect({ path, width, overflow }).toEqual({ path, width, overflow: 0 });
        const a11y = await page.evaluate(() => ({
          unlabelled: Array.from(document.querySelectorAll('input, select, textarea'))
            .filter((el) => (el as HTMLElement).offsetParent !== null && !(el as HTMLInputElement).labels?.length).map((el) => el.id),
          tablesWithoutCaption: Array.from(document.querySelectorAll('table')).filter((t) => !t.caption?.textContent?.trim()).length,
          thWithoutScope: Array.from(document.querySelectorAll('th')).filter((th) => !['col', 'row'].includes(th.getAttribute('scope') ?? '')).length,
        }));
        expect(a11y).toEqual({ unlabelled: [], tablesWithoutCaption: 0, thWithoutScope: 0 });
        await page.emulateMedia({ media: 'print' });
        const printed = await page.evaluate(() => ({
          nav: getComputedStyle(document.querySelector('header.site') as Element).display,
          search: document.querySelector('.side') ? getComputedStyle(document.querySelector('.side') as Element).display : 'none',
          table: getComputedStyle(document.querySelector('table') as Element).display,
        }));
        expect(printed).toEqual({ nav: 'none', search: 'none', table: 'table' });
        await page.close();
      }
    }
  });

  it('moves keyboard focus from the skip link to the content, then through the search in order', async () => {
    const { page } = await open('/family-finding', hub.token('family_finder', 'ALE', 'ff.ale.1'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('minAge');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('maxAge');
    await page.close();
  });
});
