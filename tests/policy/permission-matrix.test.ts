import { GraphQLObjectType } from 'graphql';
import { Viewer } from '../../src/auth/viewer';
import { adopterPolicy } from '../../src/policy/adopter-policy';
import { childPolicy } from '../../src/policy/child-policy';
import { fieldRule, reachesRows } from '../../src/policy/enforce';
import { householdPolicy } from '../../src/policy/household-policy';
import { mayCall } from '../../src/policy/operation-policy';
import { EntityPolicy } from '../../src/policy/policy-types';
import { SqlParams } from '../../src/policy/sql-params';
import { buildHubSchema } from '../../schema/build-schema';
import { seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import {
  ADOPTER_FIELD_TABLE, CHILD_FIELD_TABLE, cellOf, DOC_VIEWERS, DocViewer, fieldsOf, HOUSEHOLD_FIELD_TABLE, LATE, RAA_MEMBERS,
} from './access-policy-transcript';
import { leakedSecrets, rawGql, RawResponse } from './http-kit';
import {
  expectedAdopter, expectedChild, expectedHousehold, observeField, operationRefused, Outcome,
} from './matrix-outcome';
import { CHILD_ROW_CLASSES, ChildCase, HOUSEHOLD_ROW_CLASSES, HouseholdCase, seedChildCases, seedHouseholdCases } from './matrix-seed';

// The cases are generated from the code's policy tables; their expected outcomes come from the transcript.
const CHILD_FIELDS = Object.keys(childPolicy.fields);
const HOUSEHOLD_FIELDS = Object.keys(householdPolicy.fields);
const ADOPTER_FIELDS = Object.keys(adopterPolicy.fields);
const PATHS = 2; // by id, and in the list
const HTTP_CASES = DOC_VIEWERS.length * PATHS
  * (CHILD_ROW_CLASSES * CHILD_FIELDS.length + HOUSEHOLD_ROW_CLASSES * (HOUSEHOLD_FIELDS.length + ADOPTER_FIELDS.length));
const CELL_CASES = DOC_VIEWERS.length * (CHILD_FIELDS.length + HOUSEHOLD_FIELDS.length + ADOPTER_FIELDS.length);
const TOTAL_CASES = HTTP_CASES + CELL_CASES;

const SUB: Record<string, string> = {
  authority: '{ code }', siblingGroup: '{ id }', links: '{ sourceId }', needsCapacity: '{ need level }', adopters: `{ ${ADOPTER_FIELDS.join(' ')} }`,
  approvedFor: '{ minAgeMonths maxAgeMonths ageToleranceMonths maxChildren siblingGroups earlyPermanence }',
};
const selection = (fields: string[]) => fields.map((f) => (SUB[f] ? `${f} ${SUB[f]}` : f)).join(' ');
const ALL_STAGES = ['UNBORN', 'EARLY_MONITORING', 'PARALLEL_PLANNING', 'ADM_DECISION', 'FAMILY_FINDING', 'PROGRESS_TO_MATCH',
  'MATCHED_PLACED', 'ADOPTED', 'PLAN_CHANGED'];

const tally = new Map<string, number>();
let counted = 0;
function count(kind: string): void {
  counted += 1;
  tally.set(kind, (tally.get(kind) ?? 0) + 1);
}

function fakeViewer(v: DocViewer): Viewer {
  const raa = v.orgKind === 'REGIONAL_ADOPTION_AGENCY' ? v.org : 'ALE';
  return { sub: v.label, name: null, org: v.org, orgKind: v.orgKind, raa, raaMembers: RAA_MEMBERS[raa], roles: [v.role] };
}

/** The code's cell, in the transcript's words. */
function codeCell<F extends string>(policy: EntityPolicy<F>, v: DocViewer, field: F): string {
  const viewer = fakeViewer(v);
  if (!reachesRows(policy, viewer)) return 'no rows';
  const rule = fieldRule(policy, field, v.role, viewer);
  if (rule === 'allow') return '✓';
  if (rule === undefined) return '✗';
  const sql = rule.when('c', new SqlParams());
  const named = ALL_STAGES.filter((s) => new RegExp(`'${s}'`).test(sql));
  return named.join() === 'PROGRESS_TO_MATCH,MATCHED_PLACED' ? LATE : `conditional: ${sql}`;
}

function schemaFields(type: string): string[] {
  return Object.keys((buildHubSchema().getType(type) as GraphQLObjectType).getFields()).sort();
}

describe(`access-policy.md, every cell: ${TOTAL_CASES} permission cases (${CELL_CASES} policy-table cells, ${HTTP_CASES} over HTTP)`, () => {
  let h: TestHub;
  let children: ChildCase[];
  let households: HouseholdCase[];
  const mismatches: string[] = [];

  beforeAll(async () => {
    h = await startTestHub();
    await seedAuthorities(h.t.db);
    children = await seedChildCases(h.t.db);
    households = await seedHouseholdCases(h.t.db, children);
  });
  afterAll(async () => { await h.close(); });
  beforeEach(() => { mismatches.length = 0; });

  describe('the code\'s policy tables say what the agreement says', () => {
    it('names the same fields as the transcript and the GraphQL types', () => {
      expect([...CHILD_FIELDS].sort()).toEqual(fieldsOf(CHILD_FIELD_TABLE).sort());
      expect(Object.keys(childPolicy.columns).sort()).toEqual([...CHILD_FIELDS].sort());
      expect(schemaFields('Child')).toEqual([...CHILD_FIELDS].sort());
      expect([...HOUSEHOLD_FIELDS].sort()).toEqual(fieldsOf(HOUSEHOLD_FIELD_TABLE).sort());
      expect(schemaFields('AdopterHousehold')).toEqual([...HOUSEHOLD_FIELDS].sort());
      expect([...ADOPTER_FIELDS].sort()).toEqual(fieldsOf(ADOPTER_FIELD_TABLE).sort());
      expect(schemaFields('Adopter')).toEqual([...ADOPTER_FIELDS].sort());
    });

    it.each(DOC_VIEWERS.map((v) => [v.label, v] as const))('has the transcript\'s cell for every field, for %s', (_label, v) => {
      const wrong: string[] = [];
      const compare = <F extends string>(policy: EntityPolicy<F>, fields: string[], doc: (f: string) => string) => {
        for (const f of fields) {
          count('policy-table cell');
          const code = codeCell(policy, v, f as F);
          if (code !== doc(f)) wrong.push(`${policy.entity}.${f}: code says ${code}, access-policy.md says ${doc(f)}`);
        }
      };
      compare(childPolicy, CHILD_FIELDS, (f) => (v.childColumn ? cellOf(CHILD_FIELD_TABLE, f, v.childColumn) ?? 'not in the doc' : 'no rows'));
      compare(householdPolicy, HOUSEHOLD_FIELDS, (f) => (v.householdColumn ? cellOf(HOUSEHOLD_FIELD_TABLE, f, v.householdColumn) ?? 'not in the doc' : 'no rows'));
      compare(adopterPolicy, ADOPTER_FIELDS, (f) => (v.householdColumn ? cellOf(ADOPTER_FIELD_TABLE, f, v.householdColumn) ?? 'not in the doc' : 'no rows'));
      expect(wrong).toEqual([]);
      for (const op of ['child', 'children', 'siblingGroup']) expect([op, mayCall(op, [v.role])]).toEqual([op, v.mayCallChildOperations]);
      for (const op of ['adopterHousehold', 'adopterHouseholds']) expect([op, mayCall(op, [v.role])]).toEqual([op, v.mayCallHouseholdOperations]);
    });
  });

  /** Compares every field of one record in one response with the transcript; returns the errors it accounts for. */
  function check(res: RawResponse, where: string, rootPath: (string | number)[], fields: string[], expectedOf: (f: string) => Outcome,
    record: Record<string, unknown> | null | undefined, recordPath: (string | number)[], values: Record<string, unknown>, kind: string): number {
    const opRefused = operationRefused(res.errors, rootPath);
    let accounted = 0;
    for (const field of fields) {
      const expected = expectedOf(field);
      const actual = observeField({ errors: res.errors, rootPath, opRefused, record, recordPath, field, expectedValue: values[field] });
      count(`${kind}: ${expected}`);
      if (actual === 'null + FORBIDDEN') accounted += 1;
      if (actual !== expected) mismatches.push(`${where} ${field}: expected ${expected}, got ${actual}`);
    }
    return accounted;
  }

  function checkNoLeak(res: RawResponse, where: string, secrets: Record<string, string>, mayShow: (key: string) => boolean): void {
    const leaked = leakedSecrets(res.text, Object.fromEntries(Object.entries(secrets).filter(([k]) => !mayShow(k))));
    if (leaked.length) mismatches.push(`${where}: hidden values in the response: ${leaked.join(', ')}`);
  }

  function checkErrorsAccountedFor(res: RawResponse, where: string, accounted: number, rootPath: (string | number)[]): void {
    const expected = accounted + (operationRefused(res.errors, rootPath) ? 1 : 0);
    if (res.errors.length !== expected) mismatches.push(`${where}: ${res.errors.length} errors, expected ${expected}: ${JSON.stringify(res.errors)}`);
  }

  describe.each(DOC_VIEWERS.map((v) => [v.label, v] as const))('as %s', (_label, v) => {
    const token = () => h.token(v.role, v.org, `matrix-${v.role}@${v.org}`);

    it('child(id): every field of every row class', async () => {
      for (const c of children) {
        const res = await rawGql(h, token(), `query M($id: ID!) { child(id: $id) { ${selection(CHILD_FIELDS)} } }`, { id: c.id });
        const where = `${v.label} child(id) ${c.label}`;
        const n = check(res, where, ['child'], CHILD_FIELDS, (f) => expectedChild(v, c, f), res.body.data?.child, ['child'], c.expected, 'Child by id');
        checkErrorsAccountedFor(res, where, n, ['child']);
        checkNoLeak(res, where, c.secrets, (k) => expectedChild(v, c, k) === 'value');
      }
      expect(mismatches).toEqual([]);
    });

    it('children list and totalCount: every field of every row class', async () => {
      const res = await rawGql(h, token(), `query L($ids: [String!]) { children(filter: { sourceIds: $ids }, first: 100) {
        totalCount edges { node { ${selection(CHILD_FIELDS)} } } } }`, { ids: children.map((c) => String(c.expected.sourceId)) });
      const edges: { node: Record<string, unknown> }[] = res.body.data?.children?.edges ?? [];
      let accounted = 0;
      for (const c of children) {
        const i = edges.findIndex((e) => e.node.id === c.id);
        const where = `${v.label} children ${c.label}`;
        accounted += check(res, where, ['children'], CHILD_FIELDS, (f) => expectedChild(v, c, f), i < 0 ? null : edges[i].node,
          ['children', 'edges', i, 'node'], c.expected, 'Child in list');
        checkNoLeak(res, where, c.secrets, (k) => expectedChild(v, c, k) === 'value');
      }
      checkErrorsAccountedFor(res, `${v.label} children`, accounted, ['children']);
      if (v.mayCallChildOperations) {
        const reachable = children.filter((c) => expectedChild(v, c, 'id') === 'value').length;
        expect({ totalCount: res.body.data.children.totalCount, listed: edges.length }).toEqual({ totalCount: reachable, listed: reachable });
      } else {
        expect(res.body.data).toBeNull();
      }
      expect(mismatches).toEqual([]);
    });

    function checkHousehold(res: RawResponse, where: string, rootPath: (string | number)[], hc: HouseholdCase,
      record: Record<string, any> | null | undefined, recordPath: (string | number)[]): number {
      let n = check(res, where, rootPath, HOUSEHOLD_FIELDS, (f) => expectedHousehold(v, hc, f), record, recordPath, hc.expected, 'AdopterHousehold');
      const adopter = record?.adopters?.[0] ?? null;
      n += check(res, `${where} adopter`, rootPath, ADOPTER_FIELDS, (f) => expectedAdopter(v, hc, f), adopter,
        [...recordPath, 'adopters', 0], hc.adopter, 'Adopter');
      const household = (k: string) => expectedHousehold(v, hc, k) === 'value';
      checkNoLeak(res, where, hc.secrets, (k) => (k.startsWith('adopter')
        ? expectedAdopter(v, hc, k.slice(7, 8).toLowerCase() + k.slice(8)) === 'value' : household(k)));
      return n;
    }

    it('adopterHousehold(id): every field of every row class, and its adopters', async () => {
      for (const hc of households) {
        const res = await rawGql(h, token(), `query H($id: ID!) { adopterHousehold(id: $id) { ${selection(HOUSEHOLD_FIELDS)} } }`, { id: hc.id });
        const where = `${v.label} adopterHousehold(id) ${hc.label}`;
        const n = checkHousehold(res, where, ['adopterHousehold'], hc, res.body.data?.adopterHousehold, ['adopterHousehold']);
        checkErrorsAccountedFor(res, where, n, ['adopterHousehold']);
      }
      expect(mismatches).toEqual([]);
    });

    it('adopterHouseholds list and totalCount: every field of every row class', async () => {
      // Unfiltered: every household in this database is one of the row classes.
      const res = await rawGql(h, token(), `query HL { adopterHouseholds(first: 100) {
        totalCount edges { node { ${selection(HOUSEHOLD_FIELDS)} } } } }`);
      const edges: { node: Record<string, unknown> }[] = res.body.data?.adopterHouseholds?.edges ?? [];
      let accounted = 0;
      for (const hc of households) {
        const i = edges.findIndex((e) => e.node.id === hc.id);
        accounted += checkHousehold(res, `${v.label} adopterHouseholds ${hc.label}`, ['adopterHouseholds'], hc,
          i < 0 ? null : edges[i].node, ['adopterHouseholds', 'edges', i, 'node']);
      }
      checkErrorsAccountedFor(res, `${v.label} adopterHouseholds`, accounted, ['adopterHouseholds']);
      if (v.mayCallHouseholdOperations) {
        const reachable = households.filter((hc) => expectedHousehold(v, hc, 'id') === 'value').length;
        expect({ totalCount: res.body.data.adopterHouseholds.totalCount, listed: edges.length }).toEqual({ totalCount: reachable, listed: reachable });
      } else {
        expect(res.body.data).toBeNull();
      }
      expect(mismatches).toEqual([]);
    });
  });

  it(`checked exactly ${TOTAL_CASES} permission cases`, () => {
    // eslint-disable-next-line no-console
    console.log(`Permission cases tested: ${counted}\n${[...tally.entries()].sort().map(([k, n]) => `  ${k}: ${n}`).join('\n')}`);
    expect(counted).toBe(TOTAL_CASES);
  });
});
