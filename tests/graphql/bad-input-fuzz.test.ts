// Bad input gets BAD_USER_INPUT, never an internal error. Generates many malformed values (impossible calendar
// dates, numbers beyond what any field means or the database holds, forged cursors, NUL characters) for every place
// the API takes a value, sends each through the running hub, and asserts each is refused as the client's mistake
// (or, in a sync batch, rejected as that record's mistake) and that nothing reaches PostgreSQL to fail there.
import { randomUUID } from 'crypto';
import { GraphQLSchema } from 'graphql';
import { buildHubSchema } from '../../schema/build-schema';
import { ssda903ImportPath } from '../../src/server/ssda903-import-route';
import { makeChild, makeHousehold, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

/** A small seeded generator, so a failure names a case that can be replayed. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}
const rnd = seeded(20261127);
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Dates that look like dates and are not: day past the month's end, month 0 or 13, year 0 or five digits, NUL. */
function impossibleDates(n: number): string[] {
  const fixed = ['2021-02-30', '2021-02-29', '2100-02-29', '2021-04-31', '2021-13-01', '2021-00-10', '2021-06-00', '0000-01-01',
    '10000-01-01', '2021-1-1', '20210101', '2021-02-28\u0000', '\u00002021-02-28', '1899-12-31', '2101-01-01', 'infinity', '-infinity',
    'epoch', 'now', '2021-02-28T25:00', '+002021-02-28', '2021-02-28 ', ''];
  const out = new Set(fixed);
  const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  while (out.size < fixed.length + n) {
    const y = 1900 + Math.floor(rnd() * 200);
    const m = 1 + Math.floor(rnd() * 12);
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const last = m === 2 && leap ? 29 : monthDays[m - 1];
    out.add(`${y}-${pad(m, 2)}-${pad(last + 1 + Math.floor(rnd() * (32 - last)), 2)}`);
  }
  return [...out];
}

/** Instants that are not: impossible dates and times, and what Date.parse accepts but PostgreSQL does not. */
const BAD_INSTANTS = ['2021-02-30T10:00:00Z', '2021-02-28T24:61:00Z', 'Tue, 30 Feb 2021 10:00:00 GMT', '2021', '99999-01-01T00:00:00Z',
  '2021-02-28T10:00:00Z\u0000', '0000-01-01T00:00:00Z', '1 March', 'March 1, 275760', '2021-02-28T10:00:00+99:00'];
/** Whole numbers a field can never mean, up to the edge of a 32-bit Int (GraphQL refuses anything larger itself). */
const BAD_INTS = [2147483647, -2147483648, 2147483648, -1, 1e15, 2 ** 53, 3.5, 99999];
const NUL_STRINGS = ['\u0000', 'BDG\u0000', 'a\u0000b', `${'x'.repeat(50)}\u0000`];
const BAD_MONTHS = ['2021-13', '2021-00', '0000-01', '99999-01', '2021-1', '2021-02\u0000', '2021-02-01', '-2021-01', '1899-12'];
const BIG_SEQS = ['99999999999999999999', '9223372036854775808', '00000000000000000000000', '18446744073709551616', '-1', '1e5', '12\u0000'];

const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64url');
function forgedCursors(): string[] {
  const id = randomUUID();
  return [
    b64(['DATE_OF_BIRTH', '2021-02-30', id]), b64(['DATE_OF_BIRTH', '0000-01-01', id]), b64(['DATE_OF_BIRTH', '2021-02-28\u0000', id]),
    b64(['AGE', 1e20, id]), b64(['AGE', 2147483648, id]), b64(['DAYS_WAITING', -1e300, id]), b64(['FIRST_NAME', 'a\u0000', id]),
    b64(['AGE', 5, `${id}\u0000`]), b64(['AGE', 5, 99]), b64([1e30, 1e30, 1e30]), b64({ a: 1 }), '\u0000', 'ü'.repeat(50),
  ];
}

type Refusal = 'refused' | 'record rejected';
interface Case { label: string; role: string; org: string; query: string; variables: Record<string, unknown>; expect: Refusal }

/** The GraphQL type of a root field's argument, from the schema itself (so the test follows the published types). */
function argType(schema: GraphQLSchema, root: 'Query' | 'Mutation', field: string, arg: string): string {
  const type = root === 'Query' ? schema.getQueryType()! : schema.getMutationType()!;
  const a = type.getFields()[field].args.find((x) => x.name === arg);
  if (!a) throw new Error(`${root}.${field} has no argument ${arg}`);
  return a.type.toString();
}

function cases(schema: GraphQLSchema, ids: { child: string; household: string }): Case[] {
  const out: Case[] = [];
  const add = (label: string, role: string, org: string, root: 'Query' | 'Mutation', field: string, args: Record<string, unknown>,
    selection: string, expect: Refusal = 'refused') => {
    const decl = Object.keys(args).map((a) => `$${a}: ${argType(schema, root, field, a)}`).join(', ');
    const call = Object.keys(args).map((a) => `${a}: $${a}`).join(', ');
    out.push({ label, role, org, expect, variables: args,
      query: `${root === 'Query' ? 'query' : 'mutation'} Fuzz(${decl}) { ${field}(${call}) ${selection} }` });
  };
  const dates = impossibleDates(25);
  const CONN = '{ totalCount }';
  for (const [i, d] of dates.entries()) {
    add(`children bornOnOrAfter ${JSON.stringify(d)}`, 'social_worker', 'BDG', 'Query', 'children', { filter: { bornOnOrAfter: d } }, CONN);
    add(`children bornOnOrBefore ${JSON.stringify(d)}`, 'social_worker', 'BDG', 'Query', 'children', { filter: { bornOnOrBefore: d } }, CONN);
    add(`breakdown asOf ${JSON.stringify(d)}`, 'la_analyst', 'BDG', 'Query', 'childrenInFamilyFindingBreakdown', { by: 'AGE_BAND', asOf: d }, '{ band count }');
    add(`approvedAdopterWaits asOf ${JSON.stringify(d)}`, 'raa_manager', 'ALE', 'Query', 'approvedAdopterWaits', { asOf: d }, '{ band count }');
    if (i % 3 !== 0) continue; // the same Date type again: a third of the dates is enough for these
    add(`saveSearch bornOnOrAfter ${JSON.stringify(d)}`, 'social_worker', 'BDG', 'Mutation', 'saveSearch', { name: 'fuzz', filter: { bornOnOrAfter: d } }, '{ id }');
    add(`accessLog from ${JSON.stringify(d)}`, 'raa_manager', 'ALE', 'Query', 'accessLog', { filter: { from: d } }, '{ totalCount }');
    // A sync record's date may carry spaces around it (trimmed); anything else wrong rejects that record.
    if (d.trim() !== '2021-02-28') add(`syncChildren dateOfBirth ${JSON.stringify(d)}`, 'integration', 'BDG', 'Mutation', 'syncChildren',
      { authority: 'BDG', records: [{ sourceId: 'FZ1', dateOfBirth: d }] }, '{ accepted rejected { index field reason } }', d.includes('\u0000') ? 'refused' : 'record rejected');
  }
  for (const t of BAD_INSTANTS) {
    add(`accessLog from ${JSON.stringify(t)}`, 'raa_manager', 'ALE', 'Query', 'accessLog', { filter: { from: t } }, '{ totalCount }');
    add(`accessLog to ${JSON.stringify(t)}`, 'raa_manager', 'ALE', 'Query', 'accessLog', { filter: { to: t } }, '{ totalCount }');
  }
  for (const n of BAD_INTS) {
    for (const f of ['minAgeMonths', 'maxAgeMonths', 'minSiblingGroupSize', 'maxSiblingGroupSize', 'minDaysWaiting', 'minDaysSincePlacementOrder']) {
      if (n >= 0 && Number.isInteger(n) && n < 2147483647 && f !== 'minDaysSincePlacementOrder' && f !== 'minAgeMonths' && f !== 'maxAgeMonths' && n <= 99999) continue;
      add(`children ${f} ${n}`, 'family_finder', 'ALE', 'Query', 'children', { filter: { [f]: n } }, CONN);
    }
    add(`children first ${n}`, 'family_finder', 'ALE', 'Query', 'children', { first: n }, CONN);
    add(`scorecard yearEnding ${n}`, 'la_analyst', 'BDG', 'Query', 'scorecard', { authority: 'BDG', yearEnding: n }, '{ yearEnding }');
    add(`scorecardTrend fromYear ${n}`, 'la_analyst', 'BDG', 'Query', 'scorecardTrend', { authority: 'BDG', fromYear: n, toYear: 2021 }, '{ yearEnding }');
    add(`scorecardTrend toYear ${n}`, 'la_analyst', 'BDG', 'Query', 'scorecardTrend', { authority: 'BDG', fromYear: 2019, toYear: n }, '{ yearEnding }');
    add(`matchSuggestions first ${n}`, 'family_finder', 'ALE', 'Query', 'matchSuggestions', { childId: ids.child, first: n }, '{ score }');
    add(`changes first ${n}`, 'integration', 'BDG', 'Query', 'changes', { authority: 'BDG', first: n }, '{ pageInfo { hasNextPage } }');
  }
  for (const m of BAD_MONTHS) {
    add(`enquiriesPerMonth ${JSON.stringify(m)}`, 'raa_manager', 'ALE', 'Query', 'enquiriesPerMonth', { from: m, to: '2021-06' }, '{ month count }');
    add(`matchesPerMonth ${JSON.stringify(m)}`, 'raa_manager', 'ALE', 'Query', 'matchesPerMonth', { from: '2020-01', to: m }, '{ month count }');
  }
  for (const s of BIG_SEQS) add(`changes after ${JSON.stringify(s)}`, 'integration', 'BDG', 'Query', 'changes', { authority: 'BDG', after: s }, '{ pageInfo { hasNextPage } }');
  for (const c of forgedCursors()) {
    for (const orderBy of ['AGE', 'DATE_OF_BIRTH', 'FIRST_NAME', 'DAYS_WAITING']) {
      add(`children after ${c.slice(0, 30)} ${orderBy}`, 'social_worker', 'BDG', 'Query', 'children', { after: c, orderBy }, CONN);
    }
    add(`adopterHouseholds after ${c.slice(0, 30)}`, 'family_finder', 'ALE', 'Query', 'adopterHouseholds', { after: c }, CONN);
    add(`accessLog after ${c.slice(0, 30)}`, 'raa_manager', 'ALE', 'Query', 'accessLog', { after: c }, CONN);
  }
  for (const s of NUL_STRINGS) {
    const str = JSON.stringify(s);
    add(`children authority ${str}`, 'family_finder', 'ALE', 'Query', 'children', { filter: { authority: [s] } }, CONN);
    add(`children sourceIds ${str}`, 'family_finder', 'ALE', 'Query', 'children', { filter: { sourceIds: [s] } }, CONN);
    add(`children needs ${str}`, 'family_finder', 'ALE', 'Query', 'children', { filter: { needs: [s], anyNeeds: [s] } }, CONN);
    add(`children ethnicity ${str}`, 'family_finder', 'ALE', 'Query', 'children', { filter: { ethnicity: [s] } }, CONN);
    add(`children lastName ${str}`, 'social_worker', 'BDG', 'Query', 'children', { filter: { lastName: s } }, CONN);
    add(`child id ${str}`, 'family_finder', 'ALE', 'Query', 'child', { id: s }, '{ id }');
    add(`adopterHouseholds ${str}`, 'family_finder', 'ALE', 'Query', 'adopterHouseholds', { filter: { livesIn: [s], references: [s] } }, CONN);
    add(`accessLog viewerSub ${str}`, 'raa_manager', 'ALE', 'Query', 'accessLog', { filter: { viewerSub: s, viewerOrg: s } }, CONN);
    add(`changes authority ${str}`, 'integration', 'BDG', 'Query', 'changes', { authority: s }, '{ pageInfo { hasNextPage } }');
    add(`familyFindingSummary ${str}`, 'la_analyst', 'BDG', 'Query', 'familyFindingSummary', { authority: s }, '{ count }');
    add(`scorecard authority ${str}`, 'la_analyst', 'BDG', 'Query', 'scorecard', { authority: s, yearEnding: 2021 }, '{ yearEnding }');
    add(`saveSearch name ${str}`, 'family_finder', 'ALE', 'Mutation', 'saveSearch', { name: s, filter: {} }, '{ id }');
    add(`syncChildren firstName ${str}`, 'integration', 'BDG', 'Mutation', 'syncChildren', { authority: 'BDG', records: [{ sourceId: 'FZ2', firstName: s }] }, '{ accepted }');
    add(`syncChildren sourceId ${str}`, 'integration', 'BDG', 'Mutation', 'syncChildren', { authority: 'BDG', records: [{ sourceId: s }] }, '{ accepted }');
    add(`syncAdopterHouseholds ${str}`, 'integration', 'ALE', 'Mutation', 'syncAdopterHouseholds',
      { agency: 'ALE', records: [{ reference: 'FZH', stage: 'ENQUIRY', religion: s }] }, '{ accepted }');
    add(`syncSupportCases ${str}`, 'integration', 'ALE', 'Mutation', 'syncSupportCases',
      { agency: 'ALE', records: [{ sourceId: `FZS${s}`, type: 'ASSESSMENT', livesIn: 'HAV', openedOn: '2024-01-01' }] }, '{ accepted }');
  }
  return out;
}

describe('bad input never reaches the database: BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', () => {
  let h: TestHub;
  let all: Case[];
  beforeAll(async () => {
    h = await startTestHub();
    await seedAuthorities(h.t.db);
    const child = await makeChild(h.t.db, { authority: 'BDG' });
    const household = await makeHousehold(h.t.db, { agency: 'ALE' });
    all = cases(buildHubSchema(), { child, household });
  });
  afterAll(() => h.close());

  it('refuses every generated bad value as the client\'s mistake', async () => {
    expect(all.length).toBeGreaterThan(400);
    const wrong: string[] = [];
    // Eight at a time: the cases are independent, and a sync case writes nothing that another reads.
    const answers = [];
    for (let i = 0; i < all.length; i += 8) {
      answers.push(...await Promise.all(all.slice(i, i + 8).map(async (c) => ({ c, res: await h.gql(h.token(c.role as never, c.org, 'fuzz'), c.query, c.variables) }))));
    }
    for (const { c, res } of answers) {
      const errors: { message: string; extensions?: { code?: string } }[] = res.body.errors ?? [];
      const codes = errors.map((e) => e.extensions?.code);
      const data = res.body.data ? Object.values(res.body.data)[0] as { rejected?: unknown[] } | null : null;
      const ok = res.status < 500 && !codes.includes('INTERNAL_SERVER_ERROR') && (
        (errors.length > 0 && codes.every((x) => x === 'BAD_USER_INPUT'))
        || (c.expect === 'record rejected' && errors.length === 0 && (data?.rejected?.length ?? 0) > 0));
      if (!ok) wrong.push(`${c.label}: HTTP ${res.status} ${JSON.stringify(codes)} ${JSON.stringify(data).slice(0, 80)} ${errors[0]?.message?.slice(0, 100) ?? ''}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a NUL character on the HTTP write endpoints with 400, storing nothing', async () => {
    const token = h.token('integration', 'BDG');
    const post = async (path: string, body: unknown) => fetch(`${h.url}${path}`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const r903 = await post(ssda903ImportPath('BDG'), { collectionYear: 2021, children: [
      { sourceId: 'N\u00001', sex: 'MALE', dateOfBirth: '2019-01-01', ethnicity: 'WBRI', upn: null, episodes: [] }] });
    expect(r903.status).toBe(400);
    const rCsc = await post('/children_social_care_data/301/children', [{ la_child_id: 'N\u00002', mis_child_id: 'x', child_details: { first_name: 'A\u0000' } }]);
    expect(rCsc.status).toBe(400);
    const [{ n }] = await h.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM child WHERE source_id LIKE 'N%'`);
    expect(n).toBe(0);
  });
});
