import type { BrowserContext, Page } from 'playwright-core';
import { describeWithChromium, downloadCsv, openReady, useHubInChromium } from '../support/dashboard-browser';
import type { TestHub } from '../support/test-hub';

// The dashboard's trend of children per stage (stageCountTrend) on the demo partnership: for each LA a table and a
// line chart over the quarter ends, the range in the title, withheld points marked with their reason, not dropped.
let hub: TestHub;
let context: BrowserContext;

type Point = { authority: string; asOf: string; stage: string; count: number | null; suppressed: boolean; suppressionReason: string | null };
const TREND = `query($f: Date, $t: Date) { stageCountTrend(from: $f, to: $t) { authority asOf stage count suppressed suppressionReason } }`;
const STAGE_NAMES: Record<string, string> = {
  ADM_DECISION: 'ADM decision', FAMILY_FINDING: 'Family finding', MATCHED_PLACED: 'Matched / placed', PLAN_CHANGED: 'Adoption no longer the plan',
};
const LAS = ['BDG', 'HAV', 'NHM', 'TWH'];

async function api(token: string, vars: Record<string, unknown> = {}): Promise<Point[]> {
  const { body } = await hub.gql(token, TREND, vars);
  expect(body.errors).toBeUndefined();
  return body.data.stageCountTrend;
}
const chart = (page: Page, id: string) => page.evaluate((i) => (window as any).__charts[i], id);
/** The table's cells as [row label, ...cell texts]. */
const tableRows = (page: Page, la: string) => page.locator(`#stage-trend-${la}-table tbody tr`).evaluateAll((trs) =>
  trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));

describeWithChromium('the trend of children per stage on the dashboard', () => {
  useHubInChromium((started) => { ({ hub, context } = started); });

  it('shows an RAA manager each LA’s counts per stage on the last 8 quarter ends, in table, chart and CSV, the range in the title', async () => {
    const token = hub.token('raa_manager', 'ALE', 'rm.ale.1');
    const points = await api(token);
    const ends = [...new Set(points.map((p) => p.asOf))];
    expect(ends).toHaveLength(8);
    expect(points.some((p) => (p.count ?? 0) > 0)).toBe(true);
    const page = await openReady(context, `${hub.url}/dashboard#token=${token}`);
    const range = `quarter ends ${ends[0]} to ${ends[7]}`;

    for (const la of LAS) {
      const own = points.filter((p) => p.authority === la);
      const stages = [...new Set(own.map((p) => p.stage))];
      const drawn = await chart(page, `stage-trend-${la}`);
      expect(drawn.type).toBe('line');
      expect(drawn.labels).toEqual(ends);
      expect(drawn.datasets.map((d: { label: string }) => d.label)).toEqual(stages.map((s) => STAGE_NAMES[s]));
      for (const [j, stage] of stages.entries()) {
        expect(drawn.datasets[j].data).toEqual(ends.map((e) => own.find((p) => p.asOf === e && p.stage === stage)!.count));
      }
      expect(await page.locator(`#stage-trend-${la} h3`).textContent()).toContain(range);
      expect(await tableRows(page, la)).toEqual(ends.map((e) => [e, ...stages.map((s) => String(own.find((p) => p.asOf === e && p.stage === s)!.count))]));
    }
    expect(await page.locator('#stage-trend-body [data-suppressed="true"]').count()).toBe(0);
    expect(await page.locator('#stage-trend-BDG .rule').textContent()).toBe('Rule applied: Figures in full: your role sees these figures unsuppressed.');
    expect(await page.inputValue('#trend-from')).toBe(ends[0]);
    expect(await page.inputValue('#trend-to')).toBe(ends[7]);

    const csv = await downloadCsv(page, 'stage-trend-HAV');
    expect(csv.name).toMatch(new RegExp(`^permanence-hub_havering-children-per-stage-at-each-quarter-end_HAV_${ends[0]}-to-${ends[7]}_as-at-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const lines = csv.text.split('\r\n');
    expect(lines.slice(0, 4)).toEqual(['Havering: children per stage at each quarter end', 'Authority: Havering (HAV)', `Period: ${range}`,
      expect.stringMatching(/^As at: \d{4}-\d{2}-\d{2}$/)]);
    const hav = points.filter((p) => p.authority === 'HAV' && p.asOf === ends[7]);
    expect(lines).toContain([ends[7], ...hav.map((p) => p.count)].join(','));
    await page.close();
  });

  it('marks an LA analyst’s withheld points with the reason in the table, on the chart and in the CSV, and names the rule', async () => {
    const token = hub.token('la_analyst', 'BDG', 'an.bdg.1');
    const points = (await api(token)).filter((p) => p.authority === 'BDG');
    const withheld = points.filter((p) => p.suppressed);
    expect(withheld.length).toBeGreaterThan(0);
    expect(points.some((p) => !p.suppressed && (p.count ?? 0) > 0)).toBe(true);
    const page = await openReady(context, `${hub.url}/dashboard#token=${token}`);
    const ends = [...new Set(points.map((p) => p.asOf))];
    const stages = [...new Set(points.map((p) => p.stage))];

    // Table: every withheld point is "[c]" in its place with the hub's reason; the others are the hub's numbers.
    expect(await tableRows(page, 'BDG')).toEqual(ends.map((e) => [e, ...stages.map((s) => {
      const p = points.find((x) => x.asOf === e && x.stage === s)!;
      return p.suppressed ? '[c]' : String(p.count);
    })]));
    const cells = page.locator('#stage-trend-BDG-table td[data-suppressed="true"]');
    expect(await cells.count()).toBe(withheld.length);
    expect(new Set(await cells.evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.reason)))).toEqual(new Set(['SMALL_GROUP_IN_A_FLOW']));
    expect(await cells.first().getAttribute('title')).toMatch(/^Withheld: among the children counted, 1 to 4 entered the stage in one quarter and left it in another/);
    expect(await page.locator('#stage-trend-BDG .reason').textContent()).toMatch(/^\[c\] Withheld: among the children counted, 1 to 4 entered the stage/);
    const rule = await page.locator('#stage-trend-BDG .rule').textContent();
    expect(rule).toMatch(/^Rule applied: Children in a stage on a quarter end are shown only when each group they are made of/);

    // Chart: a gap and a "[c]" mark for each withheld point, none dropped.
    const drawn = await chart(page, 'stage-trend-BDG');
    for (const p of withheld) {
      const j = stages.indexOf(p.stage);
      const i = ends.indexOf(p.asOf);
      expect([p.asOf, p.stage, drawn.datasets[j].data[i], drawn.datasets[j].suppressed[i]]).toEqual([p.asOf, p.stage, null, true]);
    }
    expect(drawn.marks).toHaveLength(withheld.length);

    // CSV: "[c]" in place, the reason and the rule in the heading.
    const csv = await downloadCsv(page, 'stage-trend-BDG');
    expect(csv.text).toMatch(/^"?\[c\] Withheld: among the children counted, 1 to 4 entered the stage in one quarter and left it in another/m);
    expect(csv.text).toContain(rule!.replace(/^Rule applied: /, ''));
    const firstWithheld = withheld[0];
    const row = csv.text.split('\r\n').find((l) => l.startsWith(`${firstWithheld.asOf},`))!;
    expect(row.split(',')[stages.indexOf(firstWithheld.stage) + 1]).toBe('[c]');
    await page.close();
  });

  it('shows the quarter ends of the range the viewer picks', async () => {
    const token = hub.token('raa_manager', 'ALE', 'rm.ale.1');
    const page = await openReady(context, `${hub.url}/dashboard#token=${token}`);
    await page.fill('#trend-from', '2025-01-01');
    await page.fill('#trend-to', '2025-12-31');
    await page.click('#trend-form button[type=submit]');
    await page.waitForFunction(() => (document.getElementById('stage-trend-body') as HTMLElement).dataset.from === '2025-03-31');
    const drawn = await chart(page, 'stage-trend-NHM');
    expect(drawn.labels).toEqual(['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31']);
    const nhm = (await api(token, { f: '2025-01-01', t: '2025-12-31' })).filter((p) => p.authority === 'NHM' && p.stage === 'FAMILY_FINDING');
    expect(drawn.datasets.find((d: { label: string }) => d.label === 'Family finding').data).toEqual(nhm.map((p) => p.count));
    expect(await page.locator('#stage-trend-NHM h3').textContent()).toBe('Newham: children per stage, quarter ends 2025-03-31 to 2025-12-31');

    // A range backwards gets the hub's sentence in place of the tables.
    await page.fill('#trend-from', '2025-12-31');
    await page.fill('#trend-to', '2025-01-01');
    await page.click('#trend-form button[type=submit]');
    await page.waitForSelector('#stage-trend-body .error');
    expect(await page.locator('#stage-trend-body .error').textContent()).toBe('from must not be after to.');
    await page.close();
  });
});
