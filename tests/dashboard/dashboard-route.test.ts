import { startTestHub, TestHub } from '../support/test-hub';
import { seedAuthorities } from '../support/factories';
import { PAGE_SECURITY_HEADERS } from '../../src/pages/page-security';

let dev: TestHub;
let prod: TestHub;

beforeAll(async () => {
  dev = await startTestHub();
  prod = await startTestHub({ production: true });
  await seedAuthorities(dev.t.db);
  await seedAuthorities(prod.t.db);
});
afterAll(async () => { await dev.close(); await prod.close(); });

describe('GET /dashboard', () => {
  it('serves the page with a strict content security policy, its scripts and chart.js', async () => {
    for (const hub of [dev, prod]) {
      const page = await fetch(`${hub.url}/dashboard`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(await page.text()).toMatch(/<script src="\/dashboard\/vendor\/chart.umd.js">/);
      for (const asset of ['dashboard.js', 'api.js', 'sections.js', 'adopters.js', 'scorecard.js', 'tables.js', 'charts.js', 'csv.js', 'roles.js',
        'signin.js', 'audit.js', 'adopter-journey.js', 'dashboard.css']) {
        expect((await fetch(`${hub.url}/dashboard/${asset}`)).status).toBe(200);
      }
      const audit = await fetch(`${hub.url}/dashboard/audit`);
      expect(audit.status).toBe(200);
      expect(audit.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(await audit.text()).toMatch(/<script type="module" src="\/dashboard\/audit.js">/);
      const chart = await fetch(`${hub.url}/dashboard/vendor/chart.umd.js`);
      expect(chart.status).toBe(200);
      expect(chart.headers.get('content-type')).toMatch(/javascript/);
      expect((await chart.text()).length).toBeGreaterThan(100_000);
    }
  });

  it('sends the one set of page security headers the other hub pages send, on the pages and every asset', async () => {
    const paths = ['/dashboard', '/dashboard/audit', '/dashboard/dashboard.js', '/dashboard/dashboard.css', '/dashboard/vendor/chart.umd.js',
      '/family-finding', '/shared/sign-in.js'];
    for (const p of paths) {
      const res = await fetch(`${dev.url}${p}`);
      expect(res.status).toBe(200);
      for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) expect([p, name, res.headers.get(name)]).toEqual([p, name, value]);
    }
  });

  it('never serves files outside the page folder', async () => {
    for (const p of ['/dashboard/../dashboard-route.ts', '/dashboard/%2e%2e/dashboard-route.ts', '/dashboard/nothing.js']) {
      expect((await fetch(`${dev.url}${p}`)).status).toBe(404);
    }
  });
});

describe('GET /dashboard/demo-token', () => {
  it('in development gives a working token for a role at an authority', async () => {
    const res = await fetch(`${dev.url}/dashboard/demo-token?role=la_analyst&org=BDG`);
    expect(res.status).toBe(200);
    const { token, org, role } = await res.json() as { token: string; org: string; role: string };
    expect([role, org]).toEqual(['la_analyst', 'BDG']);
    const me = await dev.gql(token, '{ me { org roles } }');
    expect(me.body.data.me).toEqual({ org: 'BDG', roles: ['la_analyst'] });
    expect((await fetch(`${dev.url}/dashboard/demo-token?role=la_analyst&org=HAV`)).status).toBe(200);
    expect((await fetch(`${dev.url}/dashboard/demo-token?role=root&org=BDG`)).status).toBe(400);
    expect((await fetch(`${dev.url}/dashboard/demo-token?role=la_analyst&org=NOPE`)).status).toBe(400);
    const people = await (await fetch(`${dev.url}/dashboard/demo-people`)).json() as { role: string }[];
    expect(people.map((p) => p.role)).toContain('la_analyst');
  });

  it('answers 404 in production', async () => {
    expect((await fetch(`${prod.url}/dashboard/demo-token?role=la_analyst&org=BDG`)).status).toBe(404);
    expect((await fetch(`${prod.url}/dashboard/demo-people`)).status).toBe(404);
  });
});
