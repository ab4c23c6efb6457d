import type { BrowserContext, Page } from 'playwright-core';
import { describeWithChromium, useHubInChromium, openReady } from '../support/dashboard-browser';
import type { TestHub } from '../support/test-hub';

// The dashboard draws what issue 11 added to the API: the adopter funnel, assessment timeliness with the norms drawn,
// the pipeline over time (A11, A12, A13), and a scorecard that explains itself (A10 in segments against 426 days,
// single-year values, the next window's projection, A3 on both bases).
let hub: TestHub;
let context: BrowserContext;
let manager: Page;
let managerToken: string;

const chart = (page: Page, id: string) => page.evaluate((i) => (window as any).__charts[i], id);

describeWithChromium('the adopters’ journey and the scorecard’s explanations on the dashboard', () => {
  useHubInChromium(async (started) => {
    ({ hub, context } = started);
    managerToken = hub.token('raa_manager', 'ALE', 'rm.ale.1');
    manager = await openReady(context, `${hub.url}/dashboard#token=${managerToken}`, 1400);
  });

  it('draws the funnel by cohort and the pipeline over time as the hub counts them', async () => {
    const { body } = await hub.gql(managerToken, `{ adopterFunnel { quarter enquiries stageOne matched matchedPercent }
      adopterIndicators { quarter a11 a13 a12Matched a12WaitedThreeMonths a12Percent } }`);
    const funnel = await chart(manager, 'funnel');
    expect(funnel.labels).toEqual(body.data.adopterFunnel.map((r: { quarter: string }) => r.quarter));
    expect(funnel.datasets.find((d: { label: string }) => d.label === 'Enquiries').data).toEqual(body.data.adopterFunnel.map((r: { enquiries: number }) => r.enquiries));
    expect(funnel.datasets.find((d: { label: string }) => d.label === 'Matched').data).toEqual(body.data.adopterFunnel.map((r: { matched: number }) => r.matched));
    const first = body.data.adopterFunnel[0];
    const firstRow = manager.locator('#funnel-table tbody tr').first();
    expect(await firstRow.locator('td').last().textContent()).toBe(`${first.matched} (${first.matchedPercent}%)`);

    const pipeline = await chart(manager, 'indicators');
    expect(pipeline.datasets.map((d: { label: string }) => d.label)).toEqual(['A11 approved, waiting', 'A13 to be assessed']);
    expect(pipeline.datasets[0].data).toEqual(body.data.adopterIndicators.map((r: { a11: number }) => r.a11));
    expect(pipeline.datasets[1].data).toEqual(body.data.adopterIndicators.map((r: { a13: number }) => r.a13));
    const last = body.data.adopterIndicators[body.data.adopterIndicators.length - 1];
    expect(await manager.locator('#indicators-table tbody tr').last().locator('td').last().textContent())
      .toBe(`${last.a12WaitedThreeMonths} of ${last.a12Matched} (${last.a12Percent}%)`);
  });

  it('draws assessment timeliness with each norm as a line: stage 1 two months, stage 2 four, approval six, match three', async () => {
    const timeliness = await chart(manager, 'timeliness');
    const norms = Object.fromEntries(timeliness.datasets.filter((d: { label: string }) => / norm /.test(d.label))
      .map((d: { label: string; data: number[] }) => [d.label, [...new Set(d.data)]]));
    expect(norms).toEqual({
      'Stage 1 norm (2 months)': [61], 'Stage 2 norm (4 months)': [122], 'Registration to approval norm (6 months)': [183], 'Approval to match norm (3 months)': [91],
    });
    const { body } = await hub.gql(managerToken, '{ adopterTimeliness { quarter measure averageDays } }');
    const stageTwo = body.data.adopterTimeliness.filter((r: { measure: string }) => r.measure === 'STAGE_TWO').map((r: { averageDays: number | null }) => r.averageDays);
    expect(timeliness.datasets.find((d: { label: string }) => d.label === 'Stage 2').data).toEqual(stageTwo);
    expect(await manager.locator('#timeliness-table thead th').allTextContents()).toEqual(['Quarter', 'Stage 1 (norm 2 months)', 'Stage 2 (norm 4 months)',
      'Registration to approval (norm 6 months)', 'Approval to match (norm 3 months)']);
  });

  it('lists households leaving by coded reason and financial year, summed over the step they had reached', async () => {
    const { body } = await hub.gql(managerToken, '{ householdsLeaving { yearEnding reason count } }');
    const years = [...new Set(body.data.householdsLeaving.map((r: { yearEnding: number }) => r.yearEnding))].sort() as number[];
    const sum = (reason: string, y: number) => body.data.householdsLeaving.filter((r: { reason: string; yearEnding: number }) => r.reason === reason && r.yearEnding === y)
      .reduce((s: number, r: { count: number }) => s + r.count, 0);
    const cells = await manager.locator('#leaving-table tbody tr', { hasText: 'No reason recorded' }).locator('td').allTextContents();
    expect(cells.slice(0, years.length)).toEqual(years.map((y) => String(sum('NOT_RECORDED', y))));
    expect(await manager.locator('#leaving-table thead th').allTextContents()).toEqual(['Reason', ...years.map((y) => `${y - 1}-${String(y).slice(2)}`), 'Total']);
  });

  it('explains the scorecard: A10 in segments against 426 days, the single year, the projection and A3 on both bases', async () => {
    const row = (text: string) => manager.locator('#scorecard-table tbody tr', { hasText: text }).locator('td');
    // Barking and Dagenham 2018-21 (docs/adopter-funnel.md): 503 over three years, 435 in 2020-21, 449 projected for 2019-22.
    expect(await manager.locator('#scorecard-table thead th').allTextContents())
      .toEqual(['Measure', 'Three years 2018‑21', 'Single year 2020‑21', 'Next window 2019‑22', 'Threshold', 'Verdict']);
    expect(await row('A10: entered care').allTextContents()).toEqual(['503', '435', '449', '426 days', 'Above threshold']);
    expect(await row('A3, hub basis').allTextContents()).toEqual(['39.6%', '57.1%', '48.3%', '', '']);
    expect((await row('A3, DfE basis').allTextContents())[0]).toMatch(/^\d+(\.\d)?%$/);
    const segments = await chart(manager, 'segments');
    expect(segments.labels).toEqual(['2017', '2018', '2019', '2020', '2021']);
    expect(segments.datasets.map((d: { label: string }) => d.label)).toEqual(['Entered care to placement order', 'Placement order to match', 'Match to moving in', 'A10 threshold (426)']);
    const sum2021 = segments.datasets.slice(0, 3).reduce((s: number, d: { data: number[] }) => s + d.data[4], 0);
    expect(sum2021).toBe(319 + 218 - 34);
    expect(segments.datasets[3].data).toEqual([426, 426, 426, 426, 426]);
  });
});
