import { Role } from '../../src/auth/roles';
import { makeChild, makeHousehold, makeMatch, makeSiblingGroup, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';

/**
 * A fully compiled query is answered by the response completer (src/compiler/response-completer.ts), not by
 * graphql-js walking the statement's JSON field by field. The contract: the response is byte for byte the one
 * graphql-js writes. Two hubs share one database, one with the completer and one without; every query of the corpus,
 * for every role, must get the same status and body from both. The completer's own counter shows which queries it
 * wrote, so a completer that always gave up would fail too.
 */
let withCompleter: TestHub;
let graphqlOnly: TestHub;
let childIds: string[] = [];
let groupId = '';
let householdId = '';
let before = '';

beforeAll(async () => {
  withCompleter = await startTestHub();
  graphqlOnly = await startTestHub({ database: withCompleter.t, compiledResponses: false });
  const sql = withCompleter.t.db;
  await seedAuthorities(sql);
  groupId = await makeSiblingGroup(sql, 'BDG');
  childIds = [
    await makeChild(sql, { authority: 'BDG', sibling_group_id: groupId, social_worker: 'Ada Worker', needs: ['FASD'] }),
    await makeChild(sql, { authority: 'BDG', sibling_group_id: groupId }),
    await makeChild(sql, { authority: 'NHM', social_worker: 'Bo Worker' }),
    await makeChild(sql, { authority: 'KEN' }),
  ];
  householdId = await makeHousehold(sql, { agency: 'ALE', reference: 'HH-CR-1', approved_max_age_months: 200 });
  await makeMatch(sql, householdId, childIds[0], 'LINKED');
  // Reads before this instant are the same for both hubs (each request below adds its own audit entries).
  await withCompleter.gql(withCompleter.token('raa_manager', 'ALE'), `{ children(first: 5) { edges { node { id } } } }`);
  const [{ t }] = await sql.query<{ t: string }>(`SELECT to_json(max(at) + interval '1 microsecond') #>> '{}' AS t FROM access_read`);
  before = t;
});
afterAll(async () => {
  await graphqlOnly.close();
  await withCompleter.close();
});

const CORPUS: { name: string; query: string; variables?: () => Record<string, unknown> }[] = [
  { name: 'the family-finding page', query: `query P1($first: Int!) { children(first: $first, orderBy: DAYS_WAITING) { edges { node {
      id firstName ageMonths stage needs daysWaiting authority { code name } siblingGroup { id children { id firstName } } } } } }`,
  variables: () => ({ first: 50 }) },
  { name: 'a child profile, with a field some roles are refused', query: `query P2($id: ID!) { child(id: $id) {
      id firstName lastName ageMonths stage needs daysWaiting socialWorker healthSummary enteredCareOn placementOrderOn
      authority { code name kind } siblingGroup { id placeTogether children { id firstName ageMonths stage } } } }`,
  variables: () => ({ id: childIds[0] }) },
  { name: 'aliases, fragments, inline fragments and __typename', query: `query A($id: ID!) { __typename
      first: child(id: $id) { ...Names __typename who: id } again: child(id: $id) { ... on Child { stage n: firstName } }
      page: children(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...Names } } } }
      fragment Names on Child { id firstName }`,
  variables: () => ({ id: childIds[0] }) },
  { name: '@include and @skip by variable', query: `query D($id: ID!, $more: Boolean!) { child(id: $id) {
      id firstName @include(if: $more) stage @skip(if: $more) siblingGroup @include(if: $more) { id } } }`,
  variables: () => ({ id: childIds[1], more: true }) },
  { name: '@include and @skip by variable, the other way', query: `query D($id: ID!, $more: Boolean!) { child(id: $id) {
      id firstName @include(if: $more) stage @skip(if: $more) siblingGroup @include(if: $more) { id } } }`,
  variables: () => ({ id: childIds[1], more: false }) },
  { name: 'a child out of scope, and a missing one', query: `query M($a: ID!, $b: ID!) { a: child(id: $a) { id } b: child(id: $b) { id } }`,
  variables: () => ({ a: childIds[3], b: '00000000-0000-4000-8000-000000000000' }) },
  { name: 'a sibling group', query: `query G($id: ID!) { siblingGroup(id: $id) { id placeTogether children { id firstName stage } } }`,
  variables: () => ({ id: groupId }) },
  { name: 'households with their adopters', query: `{ adopterHouseholds(first: 5) { totalCount edges { cursor node {
      id reference stage approvedOn daysWaiting address adopters { firstName lastName } } } pageInfo { hasNextPage } } }` },
  { name: 'one household', query: `query H($id: ID!) { adopterHousehold(id: $id) { id reference stage agency } }`,
  variables: () => ({ id: householdId }) },
  { name: 'the audit trail before the test', query: `query L($to: Instant!) { accessLog(first: 5, filter: { to: $to }) { totalCount edges { node {
      viewerOrg viewerRoles childId ownerAuthority fields refusedFields operationName crossOrganisation } } } }`,
  variables: () => ({ to: before }) },
  { name: 'a bad argument', query: `{ children(first: 1000) { edges { node { id } } } }` },
  { name: 'a bad variable', query: `query V($first: Int!) { children(first: $first) { edges { node { id } } } }`,
  variables: () => ({ first: 'ten' }) },
  { name: 'a compiled read beside one that is not', query: `{ authorities { code } children(first: 1) { edges { node { id } } } }` },
];

const VIEWERS: [Role, string][] = [
  ['family_finder', 'ALE'], ['raa_manager', 'ALE'], ['social_worker', 'BDG'], ['la_analyst', 'BDG'], ['auditor', 'ALE'], ['integration', 'BDG'],
];

async function writtenCount(): Promise<number> {
  const metric = await withCompleter.hub.deps.metrics.compiledResponses.get();
  return metric.values.find((v) => v.labels.by === 'written')?.value ?? 0;
}

describe('the response completer writes exactly what graphql-js writes', () => {
  for (const [role, org] of VIEWERS) {
    it(`for ${role} at ${org}, every query of the corpus`, async () => {
      for (const q of CORPUS) {
        const variables = q.variables?.();
        const [a, b] = await Promise.all([
          withCompleter.gql(withCompleter.token(role, org, `${role}@${org}`), q.query, variables),
          graphqlOnly.gql(graphqlOnly.token(role, org, `${role}@${org}`), q.query, variables),
        ]);
        const strip = (body: any) => JSON.parse(JSON.stringify(body), (k, v) => (k === 'requestId' ? undefined : v));
        expect({ query: q.name, status: a.status, body: strip(a.body) }).toEqual({ query: q.name, status: b.status, body: strip(b.body) });
      }
    });
  }

  it('writes the clean responses itself (the family-finding page and the profile among them)', async () => {
    const token = withCompleter.token('family_finder', 'ALE');
    const start = await writtenCount();
    const page = await withCompleter.gql(token, CORPUS[0].query, CORPUS[0].variables!());
    expect(page.body.errors).toBeUndefined();
    expect(page.body.data.children.edges.length).toBeGreaterThan(0);
    expect(await writtenCount()).toBe(start + 1);
    // A refused field is left to graphql-js, which puts FORBIDDEN at its path.
    const refused = await withCompleter.gql(token, CORPUS[1].query, CORPUS[1].variables!());
    expect(refused.body.errors?.some((e: any) => e.extensions.code === 'FORBIDDEN')).toBe(true);
    expect(await writtenCount()).toBe(start + 1);
  });
});
