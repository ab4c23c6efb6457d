import type { BrowserContext, Page } from 'playwright-core';
import { operationPolicy } from '../../src/policy/operation-policy';
import { describeWithChromium, useHubInChromium, downloadCsv, openReady } from '../support/dashboard-browser';
import type { TestHub } from '../support/test-hub';

// The dashboard as people see it: what fits at 1,400 px and on a tablet, what prints, how suppressed figures are
// drawn and totalled, what its CSV files say about themselves, and what a role without figures is told.
let hub: TestHub;
let context: BrowserContext;
let analyst: Page;

const BREAKDOWN_TABLES = ['#age-table', '#siblings-table', '#ethnicity-table'];
const ALL_TABLES = ['#stages-table', ...BREAKDOWN_TABLES, '#pipeline-table', '#waits-table', '#enquiries-table', '#matches-table',
  '#support-table', '#scorecard-table', '#scorecard-trend-table', '#funnel-table', '#timeliness-table', '#indicators-table',
  ...['BDG', 'HAV', 'NHM', 'TWH'].map((la) => `#stage-trend-${la}-table`)];

/** Tables whose content is wider than their box (a scrollbar), and how far the page itself is wider than the window. */
async function overflow(page: Page): Promise<{ tables: string[]; page: number }> {
  return page.evaluate(() => ({
    tables: Array.from(document.querySelectorAll('.table-wrap')).filter((w) => w.scrollWidth > w.clientWidth).map((w) => w.querySelector('table')!.id),
    page: document.documentElement.scrollWidth - window.innerWidth,
  }));
}

describeWithChromium('the dashboard laid out, printed, charted and downloaded', () => {
  useHubInChromium(async (started) => {
    ({ hub, context } = started);
    analyst = await openReady(context, `${hub.url}/dashboard#token=${hub.token('la_analyst', 'BDG', 'an.bdg.1')}`, 1400);
  });

  it('at 1,400 px shows every column: the scorecard thresholds and verdicts, and all four LAs of every breakdown table', async () => {
    expect(await overflow(analyst)).toEqual({ tables: [], page: 0 });
    for (const id of ALL_TABLES) expect(await analyst.locator(id).count()).toBe(1);
    for (const id of BREAKDOWN_TABLES) {
      const tower = await analyst.locator(`${id} thead th`, { hasText: 'Tower Hamlets' }).boundingBox();
      const box = await analyst.locator(id).locator('xpath=..').boundingBox();
      expect(tower).not.toBeNull();
      expect(tower!.x + tower!.width).toBeLessThanOrEqual(Math.min(box!.x + box!.width, 1400) + 0.5);
    }
    const a10 = analyst.locator('#scorecard-table tbody tr', { hasText: 'A10: entered care' });
    expect(await a10.locator('td').allTextContents()).toEqual(['503', '435', '449', '426 days', 'Above threshold']);
    for (const cell of ['td.threshold', 'td[data-field="meetsA10"]']) {
      const box = await a10.locator(cell).boundingBox();
      expect(box!.x).toBeGreaterThan(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(1400);
    }
  });

  it('on a tablet (768 px) stacks the panels in one column with nothing wider than the window', async () => {
    const page = await openReady(context, `${hub.url}/dashboard#token=${hub.token('la_analyst', 'BDG', 'an.bdg.1')}`, 768);
    expect(await overflow(page)).toEqual({ tables: [], page: 0 });
    const age = await page.locator('#age').boundingBox();
    const siblings = await page.locator('#siblings').boundingBox();
    expect(siblings!.y).toBeGreaterThanOrEqual(age!.y + age!.height);
    expect(Math.round(siblings!.x)).toBe(Math.round(age!.x));
    await page.close();
  });

  it('prints without buttons or forms to press, one column, tables kept whole', async () => {
    await analyst.emulateMedia({ media: 'print' });
    try {
      const styles = await analyst.evaluate(() => ({
        csv: getComputedStyle(document.querySelector('button.csv')!).display,
        signOut: getComputedStyle(document.getElementById('sign-out')!).display,
        grid: getComputedStyle(document.querySelector('.grid')!).display,
        table: getComputedStyle(document.querySelector('.table-wrap')!).breakInside,
        chart: getComputedStyle(document.querySelector('.chart-figure')!).breakInside,
      }));
      expect(styles).toEqual({ csv: 'none', signOut: 'none', grid: 'block', table: 'avoid', chart: 'avoid' });
    } finally {
      await analyst.emulateMedia({ media: 'screen' });
    }
  });

  it('marks every suppressed figure on every chart with a drawn [c] instead of dropping it', async () => {
    for (const id of ['stages', 'age', 'siblings', 'ethnicity', 'waits', 'enquiries', 'matches', 'support']) {
      const drawn = await analyst.evaluate((chartId) => {
        const c = (window as any).__charts[chartId];
        const canvas = document.getElementById(`${chartId}-chart`) as HTMLCanvasElement;
        const g = canvas.getContext('2d')!;
        const scale = canvas.width / canvas.getBoundingClientRect().width;
        // The mark's pixels: its box's border and text are drawn, so its centre row is not all background.
        const inked = c.marks.map((m: { x: number; y: number }) => {
          const row = g.getImageData(Math.round((m.x - 12) * scale), Math.round(m.y * scale), Math.round(24 * scale), 1).data;
          let dark = 0;
          for (let i = 0; i < row.length; i += 4) if (row[i + 3] > 0 && row[i] + row[i + 1] + row[i + 2] < 600) dark += 1;
          return dark;
        });
        return { datasets: c.datasets, marks: c.marks, inked, width: canvas.getBoundingClientRect().width, height: canvas.getBoundingClientRect().height };
      }, id);
      const hidden = drawn.datasets.flatMap((d: any) => d.suppressed.map((s: boolean, i: number) => (s ? `${d.label}#${i}` : null)).filter(Boolean));
      expect(hidden.length).toBeGreaterThan(0);
      expect(drawn.marks.map((m: any) => `${m.dataset}#${m.index}`).sort()).toEqual([...hidden].sort());
      for (const d of drawn.datasets) d.suppressed.forEach((s: boolean, i: number) => { if (s) expect(d.data[i]).toBeNull(); });
      for (const m of drawn.marks) {
        expect(m.x).toBeGreaterThan(0);
        expect(m.x).toBeLessThan(drawn.width);
        expect(m.y).toBeGreaterThan(0);
        expect(m.y).toBeLessThan(drawn.height);
      }
      expect(drawn.inked.every((n: number) => n > 0)).toBe(true);
    }
    // As many marks on the stage chart as [c] cells in its table (the totals column and row aside).
    const cells = await analyst.locator('#stages-table tbody tr:not(.total) td:not(.total)[data-suppressed="true"]').count();
    expect((await analyst.evaluate(() => (window as any).__charts.stages.marks.length))).toBe(cells);
    expect(await analyst.locator('#stages .chart-note').textContent()).toMatch(/\[c\] marks a suppressed figure/);
    // A chart whose every figure is withheld (the demo's funnel, for an analyst) is a sentence, not a chart of marks.
    const funnelCells = await analyst.locator('#funnel-table tbody td').allTextContents();
    expect(funnelCells.length).toBeGreaterThan(0);
    expect(funnelCells.every((t) => t === '[c]')).toBe(true);
    expect(await analyst.evaluate(() => (window as any).__charts.funnel.allWithheld)).toBe(true);
    expect(await analyst.locator('#funnel canvas').count()).toBe(0);
    expect(await analyst.locator('#funnel .all-withheld').textContent()).toMatch(/every figure is withheld for your role/);
  });

  it('totals a row with suppressed figures as a lower bound it explains, never "0+"', async () => {
    const texts = await analyst.locator('table td').allTextContents();
    expect(texts.filter((t) => /\+$/.test(t))).toEqual([]);
    const rows = await analyst.locator('#stages-table tbody tr:not(.total)').evaluateAll((trs) => trs.map((tr) => {
      const cells = Array.from(tr.querySelectorAll('td'));
      const parts = cells.slice(0, -1);
      return {
        shown: parts.reduce((s, td) => s + (td.dataset.suppressed === 'true' ? 0 : Number(td.dataset.count)), 0),
        hidden: parts.filter((td) => td.dataset.suppressed === 'true').length,
        total: cells[cells.length - 1].textContent,
        lowerBound: cells[cells.length - 1].dataset.lowerBound === 'true',
      };
    }));
    const adm = rows[3]; // ADM decision: BDG [c], Havering 0, Newham [c], Tower Hamlets 0
    expect(adm).toEqual({ shown: 0, hidden: 2, total: '≥ 2', lowerBound: true });
    for (const r of rows) expect(r.total).toBe(r.hidden ? `≥ ${r.shown + r.hidden}` : String(r.shown));
    expect(await analyst.locator('#stages .table-note:not(.rule)').textContent()).toMatch(/at least the number shown/);
  });

  it('names under each table the rule its figures were published under, why each cell is withheld, and the snapshot day', async () => {
    const rules = (await hub.gql(hub.token('la_analyst', 'BDG'), '{ inferenceControlRules { control text } }')).body.data.inferenceControlRules;
    const smallNumbers = rules.find((r: { control: string }) => r.control === 'SMALL_NUMBERS').text;
    expect(await analyst.locator('#stages .rule').allTextContents()).toEqual([`Rule applied: ${smallNumbers}`]);
    expect(await analyst.locator('#stages .rule').getAttribute('data-control')).toBe('SMALL_NUMBERS');
    const reasons = await analyst.locator('#stages-table td[data-suppressed="true"]').evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-reason'), td.getAttribute('title')]));
    expect(reasons.length).toBeGreaterThan(0);
    for (const [reason, title] of reasons) {
      expect(['SMALL_NUMBER', 'COMPLEMENTARY']).toContain(reason);
      expect(title).toBe(reason === 'SMALL_NUMBER' ? 'Withheld: a count from 1 to 4'
        : 'Withheld so that a withheld small count beside it cannot be worked out from a total');
    }
    // An analyst's ages are published as at the latest 31 March: the title, a sentence and the CSV file say so.
    const now = new Date();
    const year = now.getUTCMonth() > 2 || (now.getUTCMonth() === 2 && now.getUTCDate() === 31) ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
    const snapshot = `${year}-03-31`;
    expect(await analyst.locator('#age h3').textContent()).toBe(`Age (years), as at ${snapshot}`);
    expect(await analyst.locator('#age .snapshot').textContent()).toMatch(new RegExp(`^As at ${snapshot}, the latest 31 March on or before`));
    const age = await downloadCsv(analyst, 'age');
    expect(age.name).toMatch(new RegExp(`_as-at-${snapshot}\\.csv$`));
    expect(age.text).toContain(`\r\nAs at: ${snapshot}\r\n`);
    expect(age.text).toContain(`Rule applied: ${smallNumbers}`);

    const manager = await openReady(context, `${hub.url}/dashboard#token=${hub.token('raa_manager', 'ALE', 'rm.ale.1')}`);
    expect(await manager.locator('#stages .rule').textContent()).toBe('Rule applied: Figures in full: your role sees these figures unsuppressed.');
    expect(await manager.locator('#age .snapshot').count()).toBe(0);
    expect(await manager.locator('#suppression-note').isVisible()).toBe(false);
    await manager.close();
  });

  it('never asks for a day refused to an analyst: another year\'s "as at" gives the latest 31 March, and says so', async () => {
    const now = new Date();
    const year = now.getUTCMonth() > 2 || (now.getUTCMonth() === 2 && now.getUTCDate() === 31) ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
    const snapshot = `${year}-03-31`;
    const asked = `${year - 1}-06-30`; // the year before: refused to an analyst by the hub
    const asAt = async (page: Page): Promise<{ breakdownDays: unknown[]; errors: number }> => {
      const breakdownDays: unknown[] = [];
      const answers: Promise<boolean>[] = []; // whether each breakdown answer had errors
      page.on('response', (r) => {
        const body = r.request().method() === 'POST' ? r.request().postDataJSON() : null;
        if (!body || !/query DashboardBreakdown\b/.test(body.query ?? '')) return;
        breakdownDays.push(body.variables.asOf);
        answers.push(r.json().then((a) => Boolean(a.errors)));
      });
      await page.fill('#as-of', asked);
      await page.evaluate(() => { document.body.dataset.state = 'reloading'; });
      await page.click('#as-of-form button[type="submit"]');
      await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 30_000 });
      return { breakdownDays, errors: (await Promise.all(answers)).filter(Boolean).length };
    };
    const page = await openReady(context, `${hub.url}/dashboard#token=${hub.token('la_analyst', 'BDG', 'an.bdg.1')}`);
    const sent = await asAt(page);
    expect(sent).toEqual({ breakdownDays: [null, null, null], errors: 0 });
    for (const [id, title] of [['age', 'Age (years)'], ['siblings', 'Sibling need'], ['ethnicity', 'Ethnic group']]) {
      expect(await page.locator(`#${id} h3`).textContent()).toBe(`${title}, as at ${snapshot}`);
      expect(await page.locator(`#${id} .snapshot`).textContent())
        .toBe(`As at ${snapshot}, the latest 31 March: for your role these figures are published as at that day only, not as at ${asked}.`);
      expect(await page.locator(`#${id} .unavailable`).count()).toBe(0);
    }
    await page.close();
    // A manager (figures in full) gets the day asked.
    const manager = await openReady(context, `${hub.url}/dashboard#token=${hub.token('raa_manager', 'ALE', 'rm.ale.1')}`);
    expect((await asAt(manager)).breakdownDays).toEqual([asked, asked, asked]);
    expect(await manager.locator('#age h3').textContent()).toBe(`Age (years), as at ${asked}`);
    expect(await manager.locator('#age .snapshot').count()).toBe(0);
    await manager.close();
  });

  it('names and heads each CSV file with authority, period and as-at date, numbers as numbers', async () => {
    const stages = await downloadCsv(analyst, 'stages');
    expect(stages.name).toMatch(/^permanence-hub_children-by-stage-of-family-finding-and-local-authority_BDG-HAV-NHM-TWH_as-at-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = stages.text.split('\r\n');
    expect(lines[0]).toBe('Children by stage of family finding and local authority');
    expect(lines[1]).toBe('Authority: Barking and Dagenham (BDG); Havering (HAV); Newham (NHM); Tower Hamlets (TWH)');
    expect(lines[2]).toMatch(/^As at: \d{4}-\d{2}-\d{2}$/);
    expect(lines).toContain('Family finding,8,[c],6,19,34');

    const scorecard = await downloadCsv(analyst, 'scorecard');
    expect(scorecard.name).toMatch(/^permanence-hub_adoption-scorecard-a1-a10-a2-a3_BDG_2018-04-01-to-2021-03-31_as-at-/);
    expect(scorecard.text).toMatch(/^Period: 2018-04-01 to 2021-03-31 \(three years\)\r$/m);
    expect(scorecard.text).toMatch(/^A10: entered care to moving in with the adopters \(average days\),503,435,449,426,Above threshold\r$/m);
    expect(scorecard.text).toMatch(/^"A3, hub basis: A10 under 426 days \(% of the A10 children\)",39\.6,57\.1,48\.3,,\r$/m);

    const enquiries = await downloadCsv(analyst, 'enquiries');
    expect(enquiries.name).toMatch(/_ALE_\d{4}-\d{2}-to-\d{4}-\d{2}_as-at-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(enquiries.text).toMatch(/^Period: [A-Z][a-z]+ \d{4} to [A-Z][a-z]+ \d{4}\r$/m);
  });

  it('neutralises CSV cells a spreadsheet would run as formulas, leaving numbers alone', async () => {
    // A string, so the test's own compiler leaves the page's dynamic import alone.
    const text = await analyst.evaluate(`import('/dashboard/csv.js')
      .then((csv) => csv.csvText([['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', -2, 7, 'Havering']]))`);
    expect(text).toBe('"\'=HYPERLINK(""x"")",\'+1,\'-2,\'@SUM(A1),-2,7,Havering\r\n');
  });

  it('shows enquiries and matches over the months the viewer picks, the range in the title and the file', async () => {
    await analyst.fill('#months-from', '2026-01');
    await analyst.fill('#months-to', '2026-06');
    await analyst.click('#months-form button[type="submit"]');
    await analyst.waitForFunction(() => document.querySelectorAll('#enquiries-table tbody tr').length === 6);
    expect(await analyst.locator('#enquiries h3').textContent()).toContain('January 2026 to June 2026');
    expect(await analyst.evaluate(() => (window as any).__charts.matches.labels)).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026', 'May 2026', 'Jun 2026']);
    expect((await downloadCsv(analyst, 'matches')).name).toMatch(/_ALE_2026-01-to-2026-06_as-at-/);
  });

  it('tells an auditor and an integration account in a sentence what they have instead, naming no GraphQL field', async () => {
    const operations = Object.keys(operationPolicy).filter((op) => /[A-Z]/.test(op));
    for (const [role, org, expected] of [['auditor', 'BDG', /As an auditor you see who read which child/], ['integration', 'ALE', /integration account/]] as const) {
      const page = await openReady(context, `${hub.url}/dashboard#token=${hub.token(role, org)}`);
      expect(await page.locator('#no-figures').isVisible()).toBe(true);
      expect(await page.locator('#dashboard').isVisible()).toBe(false);
      expect(await page.locator('#no-figures-text').textContent()).toMatch(expected);
      const text = await page.locator('body').innerText();
      expect(operations.filter((op) => text.includes(op))).toEqual([]);
      expect(text).not.toMatch(/may not use/);
      await page.close();
    }
  });
});
