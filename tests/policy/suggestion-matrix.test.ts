// The suggestion scope (householdSuggestionPolicy in src/policy/household-policy.ts) walked as a matrix: every
// viewer of the permission matrix, plus viewers of another RAA and multi-role tokens, asks matchSuggestions for a
// child of each LA; which households come back, and which of their fields, must follow the named rule and the
// access-policy transcript's household columns, with rows and fields ORed across a token's roles.
import { Role } from '../../src/auth/roles';
import { householdPolicy, householdSuggestionPolicy } from '../../src/policy/household-policy';
import { makeChild, makeHousehold, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { cellOf, DOC_VIEWERS, HOUSEHOLD_FIELD_TABLE, RAA_MEMBERS } from './access-policy-transcript';
import { leakedSecrets, rawGql } from './http-kit';
import { operationRefused } from './matrix-outcome';

type Column = 'family_finder' | 'raa_manager' | 'social_worker';

/** A token of the matrix and what the named rule gives it, written out by hand (not read from src/policy). */
interface SuggestionViewer {
  label: string;
  roles: Role[];
  org: string;
  /** Which LAs' children it may ask about (its child scope), and whose households it is offered. */
  childLas: string[];
  agency: string | null;
  /** The household columns of the transcript its fields follow (several: a field is readable if any column reads it). */
  columns: Column[];
}

const RAA_OF: Record<string, string> = { BDG: 'ALE', HAV: 'ALE', NHM: 'ALE', TWH: 'ALE', KEN: 'APSE' };
const fromDoc: SuggestionViewer[] = DOC_VIEWERS.map((v) => {
  const staff = v.role === 'family_finder' || v.role === 'raa_manager' || v.role === 'social_worker';
  const la = v.orgKind === 'LOCAL_AUTHORITY';
  return {
    label: v.label, roles: [v.role], org: v.org,
    childLas: !staff ? [] : la ? [v.org] : RAA_MEMBERS[v.org],
    agency: !staff ? null : la ? RAA_OF[v.org] : v.org,
    columns: staff ? [v.role as Column] : [],
  };
});
const VIEWERS: SuggestionViewer[] = [
  ...fromDoc,
  { label: 'social_worker@HAV', roles: ['social_worker'], org: 'HAV', childLas: ['HAV'], agency: 'ALE', columns: ['social_worker'] },
  { label: 'family_finder@APSE', roles: ['family_finder'], org: 'APSE', childLas: ['KEN'], agency: 'APSE', columns: ['family_finder'] },
  // Multi-role tokens: rows and fields are the OR of the roles' rules, and a role that reaches nothing adds nothing.
  { label: 'family_finder+raa_manager@ALE', roles: ['family_finder', 'raa_manager'], org: 'ALE', childLas: RAA_MEMBERS.ALE, agency: 'ALE', columns: ['family_finder', 'raa_manager'] },
  { label: 'social_worker+la_analyst@BDG', roles: ['social_worker', 'la_analyst'], org: 'BDG', childLas: ['BDG'], agency: 'ALE', columns: ['social_worker'] },
  { label: 'social_worker+family_finder@BDG (an LA has no family-finding scope)', roles: ['social_worker', 'family_finder'], org: 'BDG', childLas: ['BDG'], agency: 'ALE', columns: ['social_worker'] },
  { label: 'family_finder+integration@ALE', roles: ['family_finder', 'integration'], org: 'ALE', childLas: RAA_MEMBERS.ALE, agency: 'ALE', columns: ['family_finder'] },
  { label: 'la_analyst+auditor@BDG', roles: ['la_analyst', 'auditor'], org: 'BDG', childLas: [], agency: null, columns: [] },
];

const FIELDS = Object.keys(householdPolicy.fields);
const SUB: Record<string, string> = {
  adopters: '{ firstName }', needsCapacity: '{ need level }', links: '{ __typename }',
  approvedFor: '{ minAgeMonths maxAgeMonths ageToleranceMonths maxChildren siblingGroups earlyPermanence }',
};
const QUERY = `query S($id: ID!) { matchSuggestions(childId: $id, first: 100, includeExcluded: true) {
  household { ${FIELDS.map((f) => (SUB[f] ? `${f} ${SUB[f]}` : f)).join(' ')} } } }`;

interface SeededHousehold { id: string; agency: string; approved: boolean; secrets: Record<string, string> }

let h: TestHub;
const children: Record<string, string> = {};
const households: SeededHousehold[] = [];

beforeAll(async () => {
  h = await startTestHub();
  await seedAuthorities(h.t.db);
  const dob = new Date(Date.now() - 2 * 365 * 86_400_000).toISOString().slice(0, 10);
  for (const la of ['BDG', 'HAV', 'KEN']) children[la] = await makeChild(h.t.db, { authority: la, stage: 'FAMILY_FINDING', date_of_birth: dob });
  const specs: [string, string][] = [['ALE', 'APPROVED'], ['ALE', 'APPROVED'], ['ALE', 'STAGE_TWO'], ['APSE', 'APPROVED']];
  let n = 0;
  for (const [agency, stage] of specs) {
    n += 1;
    const secrets = { address: `${n} Hiddenaddress ${agency}`, postcode: `HX${n} 1AA`, sexualOrientation: `Orient-${agency}-${n}`, healthNotes: `Health-${agency}-${n}` };
    const id = await makeHousehold(h.t.db, { agency, stage, reference: `SUG-${agency}-${n}`, address: secrets.address, postcode: secrets.postcode,
      sexual_orientation: secrets.sexualOrientation, health_notes: secrets.healthNotes });
    households.push({ id, agency, approved: stage === 'APPROVED', secrets });
  }
});
afterAll(() => h.close());

const readable = (v: SuggestionViewer, field: string) => v.columns.some((c) => cellOf(HOUSEHOLD_FIELD_TABLE, field, c) === '✓');

describe.each(VIEWERS.map((v) => [v.label, v] as const))('matchSuggestions as %s', (_label, v) => {
  it.each(['BDG', 'HAV', 'KEN'])('for a child of %s: the households and fields the suggestion rule gives', async (la) => {
    const res = await rawGql(h, h.token(v.roles, v.org, `sug-${v.label}`), QUERY, { id: children[la] });
    if (v.columns.length === 0) {
      expect(operationRefused(res.errors, ['matchSuggestions'])).toBe(true);
      expect(res.body.data?.matchSuggestions ?? null).toBeNull();
      return;
    }
    if (!v.childLas.includes(la)) {
      expect({ data: res.body.data, errors: res.errors }).toEqual({ data: { matchSuggestions: null }, errors: [] });
      return;
    }
    expect(res.body.errors?.filter((e: any) => e.extensions?.code !== 'FORBIDDEN') ?? []).toEqual([]);
    const served: { household: Record<string, unknown> }[] = res.body.data.matchSuggestions;
    const expectedIds = households.filter((x) => x.approved && x.agency === v.agency).map((x) => x.id).sort();
    expect(served.map((s) => String(s.household.id)).sort()).toEqual(expectedIds);

    const wrong: string[] = [];
    served.forEach((s, i) => {
      for (const f of FIELDS) {
        const errs = res.errors.filter((e) => JSON.stringify(e.path) === JSON.stringify(['matchSuggestions', i, 'household', f]));
        const got = errs.length === 0 ? 'value' : s.household[f] === null && errs.length === 1 && errs[0].extensions?.code === 'FORBIDDEN' ? 'FORBIDDEN' : `odd: ${JSON.stringify(errs)}`;
        const want = readable(v, f) ? 'value' : 'FORBIDDEN';
        if (got !== want) wrong.push(`${f}: expected ${want}, got ${got}`);
      }
    });
    expect(wrong).toEqual([]);
    for (const x of households) {
      const offered = expectedIds.includes(x.id);
      const hidden = Object.fromEntries(Object.entries(x.secrets).filter(([k]) => !offered || !readable(v, k)));
      expect(leakedSecrets(res.text, hidden)).toEqual([]);
    }
  });
});

describe('the matching query takes its household scope from the named rule only', () => {
  it('offers a social worker nothing once the rule leaves social workers out (the table, not the query, decides)', async () => {
    const rule = householdSuggestionPolicy.rows.social_worker;
    const token = h.token('social_worker', 'BDG', 'sug-rule-removed');
    try {
      delete householdSuggestionPolicy.rows.social_worker;
      const res = await rawGql(h, token, QUERY, { id: children.BDG });
      expect({ data: res.body.data, errors: res.errors }).toEqual({ data: { matchSuggestions: [] }, errors: [] });
    } finally {
      householdSuggestionPolicy.rows.social_worker = rule;
    }
    const back = await rawGql(h, token, QUERY, { id: children.BDG });
    expect(back.body.data.matchSuggestions.length).toBe(2);
  });
});
