import * as fs from 'fs';
import type { BrowserContext, Page } from 'playwright-core';
import { ADOPTER_ITEMS, CHILD_ITEMS, ENQUIRY_ITEMS } from '../../src/asglb/asglb-items';
import type { Role } from '../../src/auth/roles';
import { storeExtractChildren } from '../../src/sync/child-store';
import { parseCsv } from '../../src/sync/ssda903/csv-reader';
import { describeWithChromium, openReady, useHubInChromium } from '../support/dashboard-browser';
import { seedAuthorities } from '../support/factories';
import type { TestHub } from '../support/test-hub';
import { readJourneyReturns } from '../sync/ssda903/journeys';
import { SYNC_HOUSEHOLDS } from '../sync/sync-support';

// The ASGLB panel of the dashboard in a real browser, on the adoption-journeys fixture (BDG's children) and a few
// ALE households: the RAA manager lists and downloads the return and gets the files the hub sends for the return;
// an LA social worker or analyst gets only its LA's child tab (with its SGO table and validation report); a family
// finder gets a sentence saying who sends the return, and no file.
let hub: TestHub;
let context: BrowserContext;
const QUARTER = '2019Q4';

/** The file the hub's own endpoint sends for `url` with `token`, without the byte-order mark. */
async function fromHub(token: string, url: string): Promise<string> {
  const res = await fetch(`${hub.url}${url}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.text()).replace(/^\ufeff/, '');
}

/** Opens the dashboard as `role` of `org`, lists the quarter's files in the ASGLB panel; returns the page and token. */
async function openPanel(role: Role, org: string): Promise<{ page: Page; token: string }> {
  const token = hub.token(role, org);
  const page = await openReady(context, `${hub.url}/dashboard#token=${token}`);
  await page.fill('#asglb input[name=quarter]', QUARTER);
  await page.click('#asglb button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#asglb .files button').length > 0
    || (document.querySelector('#asglb .error')?.textContent ?? '') !== '', undefined, { timeout: 30_000 });
  return { page, token };
}

const buttons = (page: Page) => page.locator('#asglb .files button').allTextContents();

/** Clicks the panel's button for `fileName`; the downloaded file's suggested name and text (BOM removed). */
async function download(page: Page, fileName: string): Promise<{ name: string; text: string }> {
  const event = page.waitForEvent('download');
  await page.click(`#asglb .files button:text-is("Download ${fileName}")`);
  const file = await event;
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8').replace(/^\ufeff/, '') };
}

describeWithChromium('the ASGLB panel of the dashboard', () => {
  useHubInChromium(async (started) => {
    ({ hub, context } = started);
    await seedAuthorities(hub.t.db);
    for (const x of await readJourneyReturns()) if (x.collectionYear) await storeExtractChildren(hub.t.db, 'BDG', x.collectionYear, x.children);
    await hub.gql(hub.token('integration', 'ALE'), SYNC_HOUSEHOLDS, { agency: 'ALE', records: [
      { reference: 'H-1', enquiryOn: '2020-01-20', stage1StartedOn: '2020-02-01', adopters: [{ sex: 'MALE', ethnicity: 'WBRI' }] },
      { reference: 'H-2', enquiryOn: '2019-06-01', approvedOn: '2019-12-01' },
    ] });
  }, { demo: false });

  it('the RAA manager lists the whole return and downloads files whose header and rows are the return\'s', async () => {
    const { page, token } = await openPanel('raa_manager', 'ALE');
    expect(await buttons(page)).toEqual(expect.arrayContaining([
      'Download ALE_ALBQ4201920_adopters.csv', 'Download ALE_ALBQ4201920_enquiries.csv', 'Download ALE_ALBQ4201920_validation.csv',
      'Download 301BDG_ALBQ4201920_children.csv', 'Download 301BDG_ALBQ4201920_sgo.csv', 'Download 311HAV_ALBQ4201920_children.csv',
    ]));

    const children = await download(page, '301BDG_ALBQ4201920_children.csv');
    expect(children.name).toBe('301BDG_ALBQ4201920_children.csv');
    const tab = parseCsv(children.text);
    // The header is the item list's, in its order; the rows are the 46 children of the hand-worked quarter
    // (tests/asglb/asglb-export.test.ts), exactly as the hub's endpoint sends them.
    expect(tab.columns).toEqual(CHILD_ITEMS.map((it) => it.header.toUpperCase()));
    expect(tab.records).toHaveLength(46);
    expect(children.text).toBe(await fromHub(token, `/export/asglb/BDG/children.csv?quarter=${QUARTER}`));

    const adopters = parseCsv((await download(page, 'ALE_ALBQ4201920_adopters.csv')).text);
    expect(adopters.columns).toEqual(ADOPTER_ITEMS.map((it) => it.header.toUpperCase()));
    expect(adopters.records.map((r) => r.fields[1])).toEqual(['H-1', 'H-2']);
    const enquiries = parseCsv((await download(page, 'ALE_ALBQ4201920_enquiries.csv')).text);
    expect(enquiries.columns).toEqual(ENQUIRY_ITEMS.map((it) => it.header.toUpperCase()));
    expect(enquiries.records.map((r) => r.fields)).toEqual([['ALE', QUARTER, '2020-01-01', '2020-03-31', '1']]);
    await page.close();
  }, 120_000);

  it.each([['social_worker'], ['la_analyst']] as [Role][])('an LA %s gets only its own LA\'s child tab, no agency file', async (role) => {
    const { page, token } = await openPanel(role, 'BDG');
    expect(await buttons(page)).toEqual(['Download 301BDG_ALBQ4201920_children.csv', 'Download 301BDG_ALBQ4201920_sgo.csv',
      'Download 301BDG_ALBQ4201920_validation.csv']);
    const children = await download(page, '301BDG_ALBQ4201920_children.csv');
    expect(parseCsv(children.text).records).toHaveLength(46);
    expect(children.text).toBe(await fromHub(token, `/export/asglb/BDG/children.csv?quarter=${QUARTER}`));
    await page.close();
  }, 120_000);

  it('a family finder gets a sentence saying who sends the return: no form, no file, no code or field name', async () => {
    const page = await openReady(context, `${hub.url}/dashboard#token=${hub.token('family_finder', 'ALE')}`);
    const panel = page.locator('#asglb');
    expect(await panel.locator('form, button, .files').count()).toBe(0);
    const text = (await panel.innerText({ timeout: 10_000 })).trim();
    expect(text).toMatch(/manager/);
    expect(text).toMatch(/\.$/);
    // Words, not the hub's vocabulary: no role or table code, no error code, no file name.
    expect(text).not.toMatch(/[a-z]+_[a-z]+|FORBIDDEN|\.csv|\bsgo\b|\bAsglbTable\b/);
    await page.close();
  }, 120_000);
});
