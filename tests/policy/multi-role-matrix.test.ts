// Multi-role tokens against the access-policy transcript: a token holding two roles of one organisation gets, for
// each record and field, the OR of what each role alone would get (a row reached by either role; a field readable
// when a role that reaches the row may read it; the operation callable when either role may call it). Every pair of
// the permission matrix's viewers that share an organisation, every child and household row class, every field.
import { Role } from '../../src/auth/roles';
import { adopterPolicy } from '../../src/policy/adopter-policy';
import { childPolicy } from '../../src/policy/child-policy';
import { householdPolicy } from '../../src/policy/household-policy';
import { seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { DOC_VIEWERS, DocViewer } from './access-policy-transcript';
import { leakedSecrets, rawGql, RawResponse } from './http-kit';
import { expectedAdopter, expectedChild, expectedHousehold, observeField, operationRefused, Outcome } from './matrix-outcome';
import { ChildCase, HouseholdCase, seedChildCases, seedHouseholdCases } from './matrix-seed';

const CHILD_FIELDS = Object.keys(childPolicy.fields);
const HOUSEHOLD_FIELDS = Object.keys(householdPolicy.fields);
const ADOPTER_FIELDS = Object.keys(adopterPolicy.fields);
const SUB: Record<string, string> = {
  authority: '{ code }', siblingGroup: '{ id }', links: '{ sourceId }', needsCapacity: '{ need level }', adopters: `{ ${ADOPTER_FIELDS.join(' ')} }`,
  approvedFor: '{ minAgeMonths maxAgeMonths ageToleranceMonths maxChildren siblingGroups earlyPermanence }',
};
const selection = (fields: string[]) => fields.map((f) => (SUB[f] ? `${f} ${SUB[f]}` : f)).join(' ');

/** OR across roles: the most the token gets from any one of its roles. */
const RANK: Outcome[] = ['operation FORBIDDEN', 'record absent', 'null + FORBIDDEN', 'value'];
const best = (outcomes: Outcome[]): Outcome => outcomes.reduce((a, b) => (RANK.indexOf(b) > RANK.indexOf(a) ? b : a));

/**
 * Every ordered pair of the matrix's viewers of one organisation (an integration client reads as its LA or RAA):
 * both orders, so a rule that looked only at a token's first role would fail one of them.
 */
const PAIRS: [DocViewer, DocViewer][] = DOC_VIEWERS.flatMap((a) => DOC_VIEWERS
  .filter((b) => b.org === a.org && b.role !== a.role).map((b) => [a, b] as [DocViewer, DocViewer]));

let h: TestHub;
let children: ChildCase[];
let households: HouseholdCase[];
beforeAll(async () => {
  h = await startTestHub();
  await seedAuthorities(h.t.db);
  children = await seedChildCases(h.t.db);
  households = await seedHouseholdCases(h.t.db, children);
});
afterAll(() => h.close());

it('covers every same-organisation pair of the matrix\'s viewers', () => {
  expect(PAIRS.length).toBe(24);
});

describe.each(PAIRS.map(([a, b]) => [`${a.role}+${b.role}@${a.org}`, a, b] as const))('a token with roles %s', (_label, a, b) => {
  const token = () => h.token([a.role, b.role] as Role[], a.org, `multi-${a.role}-${b.role}@${a.org}`);

  function compare(res: RawResponse, rootPath: (string | number)[], record: Record<string, unknown> | null | undefined,
    recordPath: (string | number)[], fields: string[], expectedOf: (v: DocViewer, f: string) => Outcome, values: Record<string, unknown>,
    where: string, wrong: string[]): void {
    const opRefused = operationRefused(res.errors, rootPath);
    for (const f of fields) {
      const expected = best([expectedOf(a, f), expectedOf(b, f)]);
      const actual = observeField({ errors: res.errors, rootPath, opRefused, record, recordPath, field: f, expectedValue: values[f] });
      if (actual !== expected) wrong.push(`${where} ${f}: expected ${expected}, got ${actual}`);
    }
  }

  it('child(id): each field of each row class is the OR of the two roles', async () => {
    const wrong: string[] = [];
    for (const c of children) {
      const res = await rawGql(h, token(), `query M($id: ID!) { child(id: $id) { ${selection(CHILD_FIELDS)} } }`, { id: c.id });
      compare(res, ['child'], res.body.data?.child, ['child'], CHILD_FIELDS, (v, f) => expectedChild(v, c, f), c.expected, c.label, wrong);
      const hidden = Object.fromEntries(Object.entries(c.secrets).filter(([k]) => best([expectedChild(a, c, k), expectedChild(b, c, k)]) !== 'value'));
      const leaked = leakedSecrets(res.text, hidden);
      if (leaked.length) wrong.push(`${c.label}: leaked ${leaked.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('adopterHousehold(id): each field of each row class, and its adopter\'s, is the OR of the two roles', async () => {
    const wrong: string[] = [];
    for (const hc of households) {
      const res = await rawGql(h, token(), `query H($id: ID!) { adopterHousehold(id: $id) { ${selection(HOUSEHOLD_FIELDS)} } }`, { id: hc.id });
      const record = res.body.data?.adopterHousehold;
      compare(res, ['adopterHousehold'], record, ['adopterHousehold'], HOUSEHOLD_FIELDS, (v, f) => expectedHousehold(v, hc, f), hc.expected, hc.label, wrong);
      compare(res, ['adopterHousehold'], record?.adopters?.[0] ?? null, ['adopterHousehold', 'adopters', 0], ADOPTER_FIELDS,
        (v, f) => expectedAdopter(v, hc, f), hc.adopter, `${hc.label} adopter`, wrong);
    }
    expect(wrong).toEqual([]);
  });
});
