import type { BrowserContext, Page } from 'playwright-core';
import { describeWithChromium, useHubInChromium, downloadCsv, openReady } from '../support/dashboard-browser';
import type { TestHub } from '../support/test-hub';

// The audit page (/dashboard/audit) in chromium: who read which child, filtered by viewer, child and period, over
// `accessLog` as the policy lets an auditor see it.
let hub: TestHub;
let context: BrowserContext;

const viewerColumn = (page: Page) => page.locator('#audit-table-rows td[data-column="Viewer"]').allTextContents();

async function waitForRows(page: Page, n: number): Promise<void> {
  await page.waitForFunction((count) => document.body.dataset.state === 'ready'
    && document.querySelectorAll('#audit-table-rows tbody tr').length === count, n);
}

describeWithChromium('the audit page in chromium', () => {
  let bdgChildren: string[];
  useHubInChromium(async (started) => {
    ({ hub, context } = started);
    // Reads to audit: a BDG social worker lists three of its children; an ALE family finder opens one BDG child.
    const sw = await hub.gql(hub.token('social_worker', 'BDG', 'sw.bdg.audit'), 'query SwList { children(first: 3, filter: { stages: [FAMILY_FINDING] }) { edges { node { id firstName } } } }');
    bdgChildren = sw.body.data.children.edges.map((e: { node: { id: string } }) => e.node.id);
    const ff = await hub.gql(hub.token('family_finder', 'ALE', 'ff.ale.audit'), 'query FfOpen($id: ID!) { child(id: $id) { id stage } }', { id: bdgChildren[0] });
    expect(ff.body.data.child.id).toBe(bdgChildren[0]);
  });

  it('shows an LA auditor every read of its children, and filters by viewer, by child (from a link) and by period', async () => {
    const page = await openReady(context, `${hub.url}/dashboard/audit#token=${hub.token('auditor', 'BDG', 'au.bdg.1')}`);
    const [{ n }] = await hub.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM access_log WHERE owner_authority = 'BDG'`);
    expect(n).toBe(4);
    await waitForRows(page, n);
    expect(await page.locator('#audit-summary').textContent()).toBe('4 reads match; showing 1 to 4.');
    expect((await viewerColumn(page)).sort()).toEqual(['ff.ale.audit', 'sw.bdg.audit', 'sw.bdg.audit', 'sw.bdg.audit']);
    const ffRow = page.locator('#audit-table-rows tbody tr', { hasText: 'ff.ale.audit' });
    expect(await ffRow.locator('td[data-column="Across organisations"]').textContent()).toBe('yes');
    expect(await ffRow.locator('td[data-column="Child"]').textContent()).toBe(bdgChildren[0]);

    await page.fill('#f-viewer', 'ff.ale.audit');
    await page.click('#audit-filter button[type="submit"]');
    await waitForRows(page, 1);
    expect(await viewerColumn(page)).toEqual(['ff.ale.audit']);

    await page.click('#f-clear');
    await waitForRows(page, 4);
    await page.locator('#audit-table-rows a.filter-link', { hasText: bdgChildren[0] }).first().click();
    await waitForRows(page, 2);
    expect(await page.inputValue('#f-child')).toBe(bdgChildren[0]);
    expect((await viewerColumn(page)).sort()).toEqual(['ff.ale.audit', 'sw.bdg.audit']);

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.fill('#f-from', tomorrow);
    await page.click('#audit-filter button[type="submit"]');
    await page.waitForFunction(() => document.getElementById('audit-summary')!.textContent === 'No reads match this filter.');
    expect(await page.locator('#audit-table-rows').count()).toBe(0);
    await page.close();
  });

  it('downloads the reads as a CSV headed with the authority, period and as-at date', async () => {
    const page = await openReady(context, `${hub.url}/dashboard/audit#token=${hub.token('auditor', 'BDG', 'au.bdg.1')}`);
    await waitForRows(page, 4);
    const csv = await downloadCsv(page, 'audit');
    expect(csv.name).toMatch(/^permanence-hub_audit-trail-reads-of-child-records_BDG_all-dates_as-at-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['Audit trail: reads of child records', 'Authority: Barking and Dagenham (BDG)', 'Period: every date in the trail']);
    expect(lines).toContain('When (UTC),Viewer,Organisation,Roles,Child,Child’s LA,Fields read,Fields refused,Operation,Across organisations');
    expect(lines.filter((l) => l.includes(',sw.bdg.audit,'))).toHaveLength(3);
    await page.close();
  });

  it('shows an RAA manager only the reads its own staff made', async () => {
    const page = await openReady(context, `${hub.url}/dashboard/audit#token=${hub.token('raa_manager', 'ALE', 'rm.ale.1')}`);
    await waitForRows(page, 1);
    expect(await viewerColumn(page)).toEqual(['ff.ale.audit']);
    expect(await page.locator('#audit-scope').textContent()).toMatch(/reads that Adopt London East’s own staff made/);
    await page.close();
  });

  it('tells an analyst in a sentence that the audit trail is not for its role', async () => {
    const page = await openReady(context, `${hub.url}/dashboard/audit#token=${hub.token('la_analyst', 'BDG', 'an.bdg.1')}`);
    expect(await page.locator('#audit-refused').isVisible()).toBe(true);
    expect(await page.locator('#audit-refused-text').textContent()).toMatch(/^The audit trail is for auditors and RAA managers; your role \(LA analyst\) does not include it/);
    expect(await page.locator('body').innerText()).not.toMatch(/accessLog/);
    await page.close();
  });
});
