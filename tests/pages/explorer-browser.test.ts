import type { BrowserContext, Page } from 'playwright-core';
import { describeWithChromium, pageErrors, useHubInChromium } from '../support/browser';
import type { TestHub } from '../support/test-hub';

// The GraphQL explorer with the network cut off except to the hub: everything it needs comes from the hub itself.
let hub: TestHub;
let context: BrowserContext;

/** Opens the explorer with every request to anywhere but the hub aborted; returns the aborted URLs. */
async function openOffline(): Promise<{ page: Page; blocked: string[]; errors: string[] }> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  const blocked: string[] = [];
  const errors = pageErrors(page);
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${hub.url}/`)) return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  await page.goto(`${hub.url}/graphql`);
  await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 30_000 });
  await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
  return { page, blocked, errors };
}

describeWithChromium('the GraphQL explorer in chromium, offline', () => {
  useHubInChromium((started) => { ({ hub, context } = started); });

  it('loads the schema with its descriptions and runs the family finder example with the demo token', async () => {
    const { page, blocked, errors } = await openOffline();
    const tabs = await page.locator('.graphiql-tab').allInnerTexts();
    expect(tabs.map((t) => t.trim())).toEqual(['FamilyFinderChildren', 'ChildProfile', 'MatchSuggestions', 'HouseholdSuggestions', 'DashboardFigures', 'SyncChildren', 'ChangeFeed']);

    // The schema arrived by introspection: the documentation explorer lists Query's fields with their descriptions.
    await page.getByRole('button', { name: /Show Documentation Explorer/ }).click();
    await page.getByText('Query', { exact: true }).first().click();
    await page.getByText('Children in your scope; longest waiting first unless orderBy says otherwise').waitFor({ timeout: 30_000 });

    // The first tab runs as the demo family finder and gets the hub's answer.
    await page.getByRole('button', { name: /Execute query/ }).click();
    await page.waitForFunction(() => /"totalCount": \d+/.test(document.querySelector('.result-window')?.textContent ?? ''), undefined, { timeout: 30_000 });
    const result = await page.locator('.result-window').innerText();
    const api = await hub.gql(hub.token('family_finder', 'ALE'), `query($f: ChildFilter) { children(filter: $f) { totalCount } }`,
      { f: { stages: ['FAMILY_FINDING'], minAgeMonths: 24, placeTogether: true } });
    const n = api.body.data.children.totalCount as number;
    expect(n).toBeGreaterThan(0);
    expect(result).toContain(`"totalCount": ${n}`);
    expect(result).not.toMatch(/"errors"/);

    expect(blocked).toEqual([]); // it never even tried to reach a CDN or a telemetry endpoint
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives each example tab the token of its kind of user', async () => {
    const { page } = await openOffline();
    const headerOf = async (tab: string) => {
      await page.locator('.graphiql-tab', { hasText: tab }).click();
      await page.getByRole('button', { name: 'Headers' }).click();
      const text = await page.locator('.graphiql-editor-tool').innerText();
      const token = /Bearer ([\w-]+\.[\w-]+\.[\w-]+)/.exec(text)?.[1] ?? '';
      return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    };
    expect(await headerOf('DashboardFigures')).toMatchObject({ org: 'BDG', roles: ['la_analyst'] });
    expect(await headerOf('ChangeFeed')).toMatchObject({ org: 'BDG', roles: ['integration'] });
    expect(await headerOf('ChildProfile')).toMatchObject({ org: 'ALE', roles: ['family_finder'] });
    await page.close();
  });

  it('runs every example tab as its user: each answers with data, and only the profile has refusals (the fields the role may not read)', async () => {
    const { page, errors } = await openOffline();
    const outcomes: Record<string, { data: boolean; codes: string[] }> = {};
    const answers: Record<string, any> = {};
    const tabs = (await page.locator('.graphiql-tab').allInnerTexts()).map((t) => t.trim());
    expect(tabs).toHaveLength(7);
    for (const [i, tab] of tabs.entries()) {
      await page.locator('.graphiql-tab').nth(i).click();
      await page.getByRole('button', { name: /Execute query/ }).click();
      await page.waitForFunction(() => /"data"|"errors"/.test(document.querySelector('.result-window')?.textContent ?? ''), undefined, { timeout: 30_000 });
      const body = JSON.parse(await page.locator('.result-window .CodeMirror').evaluate((el) => (el as any).CodeMirror.getValue()));
      answers[tab] = body.data;
      outcomes[tab] = { data: Boolean(body.data) && Object.values(body.data).every((v) => v !== null), codes: [...new Set((body.errors ?? []).map((e: any) => e.extensions.code))] as string[] };
    }
    expect(outcomes).toEqual({
      FamilyFinderChildren: { data: true, codes: [] },
      ChildProfile: { data: true, codes: ['FORBIDDEN'] },
      MatchSuggestions: { data: true, codes: [] },
      HouseholdSuggestions: { data: true, codes: [] },
      DashboardFigures: { data: true, codes: [] },
      SyncChildren: { data: true, codes: [] },
      ChangeFeed: { data: true, codes: [] },
    });
    // Both suggestion searches find something in the demo partnership, each with its reasons.
    expect(answers.MatchSuggestions.matchSuggestions.length).toBeGreaterThan(0);
    expect(answers.MatchSuggestions.matchSuggestions[0].reasonsFor.length).toBeGreaterThan(0);
    expect(answers.HouseholdSuggestions.childSuggestions.length).toBeGreaterThan(0);
    expect(answers.HouseholdSuggestions.childSuggestions[0].reasonsFor.length).toBeGreaterThan(0);
    const [stored] = await hub.t.db.query<{ first_name: string; stage: string | null }>(`SELECT first_name, stage FROM child WHERE authority = 'BDG' AND source_id = 'EXPLORER-EXAMPLE-1'`);
    expect(stored).toEqual({ first_name: 'Alex', stage: null });
    expect(errors).toEqual([]);
    await page.close();
  });
});
