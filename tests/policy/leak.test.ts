import { makeChild, makeHousehold, makeMatch, makeSiblingGroup, seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { lastAccessLogId, leakedSecrets, rawGql, sqlStatementsSoFar } from './http-kit';

// Keystone's GHSA-hg9m-67mm-7pg3 class: a hidden field must not be reachable through filters, sorts, aliases,
// fragments, nested relations or counts. Each test names the probe a curious viewer could try.
describe('hidden data does not leak through the query language', () => {
  let h: TestHub;
  let ff: string; let rm: string; let raaClient: string; let sw: string; let laClient: string;
  const ids: Record<string, string> = {};
  const groups: Record<string, string> = {};
  const SECRET = { lastName: 'Vantablack', dateOfBirth: '2017-04-09', upn: 'UPNSECRET0001', nhsNumber: 'NHS7777777', placementPostcode: 'E16 9QQ', birthFamilyBackground: 'Closely guarded background' };

  beforeAll(async () => {
    h = await startTestHub();
    const sql = h.t.db;
    await seedAuthorities(sql);
    groups.main = await makeSiblingGroup(sql, 'BDG');
    groups.closed = await makeSiblingGroup(sql, 'BDG');
    groups.ken = await makeSiblingGroup(sql, 'KEN');
    const child = async (key: string, seed: Record<string, unknown> & { authority: string }) => { ids[key] = await makeChild(sql, { source_id: `LK-${key}`, first_name: `Name${key}x`, ...seed }); };
    await child('visible', { authority: 'BDG', stage: 'FAMILY_FINDING', sibling_group_id: groups.main, last_name: SECRET.lastName, date_of_birth: SECRET.dateOfBirth,
      upn: SECRET.upn, nhs_number: SECRET.nhsNumber, placement_postcode: SECRET.placementPostcode, birth_family_background: SECRET.birthFamilyBackground });
    await child('sibling', { authority: 'BDG', stage: 'FAMILY_FINDING', sibling_group_id: groups.main, last_name: 'Siblingsurname', date_of_birth: '2019-02-03' });
    await child('adopted', { authority: 'BDG', stage: 'ADOPTED', sibling_group_id: groups.main, last_name: 'Adoptedsurname' });
    await child('planChanged', { authority: 'BDG', stage: 'PLAN_CHANGED', sibling_group_id: groups.main, last_name: 'Changedsurname' });
    await child('noStage', { authority: 'BDG', stage: null, sibling_group_id: groups.main, last_name: 'Nostagesurname' });
    await child('closedA', { authority: 'BDG', stage: 'ADOPTED', sibling_group_id: groups.closed });
    await child('closedB', { authority: 'BDG', stage: 'PLAN_CHANGED', sibling_group_id: groups.closed });
    await child('havering', { authority: 'HAV', stage: 'FAMILY_FINDING', last_name: 'Haveringsurname', date_of_birth: '2017-04-20' });
    await child('kent', { authority: 'KEN', stage: 'FAMILY_FINDING', sibling_group_id: groups.ken, last_name: 'Kentsurname' });
    await child('kentSibling', { authority: 'KEN', stage: 'PROGRESS_TO_MATCH', sibling_group_id: groups.ken });
    ff = h.token('family_finder', 'ALE'); rm = h.token('raa_manager', 'ALE'); raaClient = h.token('integration', 'ALE');
    sw = h.token('social_worker', 'BDG'); laClient = h.token('integration', 'BDG');
  });
  afterAll(async () => { await h.close(); });

  const listIds = (res: { body: any }) => (res.body.data.children.edges as { node: { id: string } }[]).map((e) => e.node.id).sort();
  const idsOf = (...keys: string[]) => keys.map((k) => ids[k]).sort();

  /** The request is refused with one FORBIDDEN at `children`, and neither SQL nor an access-log entry happened. */
  async function refusedBeforeAnyRead(token: string, query: string, variables?: Record<string, unknown>): Promise<string> {
    const [log, statements] = [await lastAccessLogId(h), await sqlStatementsSoFar(h)];
    const res = await rawGql(h, token, query, variables);
    expect(res.body.data).toBeNull();
    expect(res.errors.map((e) => [e.extensions?.code, e.path])).toEqual([['FORBIDDEN', ['children']]]);
    expect(await sqlStatementsSoFar(h)).toBe(statements);
    expect(await lastAccessLogId(h)).toBe(log);
    expect(leakedSecrets(res.text, SECRET)).toEqual([]);
    return res.errors[0].message;
  }

  describe('filters and sorts on hidden fields', () => {
    const probes: [string, string][] = [
      ['filter bornOnOrAfter', `{ children(filter: { bornOnOrAfter: "2017-01-01" }) { totalCount edges { node { id } } } }`],
      ['filter bornOnOrBefore (count only)', `{ children(filter: { bornOnOrBefore: "2017-12-31" }) { totalCount } }`],
      ['filter lastName', `{ children(filter: { lastName: "${SECRET.lastName}" }) { totalCount edges { node { id firstName } } } }`],
      ['filter lastName (count only)', `{ children(filter: { lastName: "${SECRET.lastName}" }) { totalCount } }`],
      ['order by DATE_OF_BIRTH', `{ children(orderBy: DATE_OF_BIRTH) { edges { cursor node { id } } } }`],
      ['order by LAST_NAME', `{ children(orderBy: LAST_NAME, first: 1) { edges { node { id } } } }`],
      ['filter by DOB with an allowed filter beside it', `{ children(filter: { stages: [FAMILY_FINDING], bornOnOrAfter: "2017-04-09", bornOnOrBefore: "2017-04-09" }) { totalCount } }`],
    ];

    it.each(probes)('a family finder, an RAA manager and an RAA integration client: %s => FORBIDDEN, no SQL, no audit', async (_n, query) => {
      for (const token of [ff, rm, raaClient]) await refusedBeforeAnyRead(token, query);
    });

    it('answers a matching and a non-matching surname probe identically, so the refusal is no oracle', async () => {
      const hit = await refusedBeforeAnyRead(ff, `{ children(filter: { lastName: "${SECRET.lastName}" }) { totalCount } }`);
      const miss = await refusedBeforeAnyRead(ff, `{ children(filter: { lastName: "Nobodyhasthisname" }) { totalCount } }`);
      expect(hit).toBe(miss);
    });

    it('the no-SQL check itself sees a request that reads', async () => {
      const before = await sqlStatementsSoFar(h);
      await rawGql(h, ff, `{ children { totalCount } }`);
      expect(await sqlStatementsSoFar(h)).toBeGreaterThan(before);
    });

    it('lets a social worker and an LA client filter and sort their own children by date of birth and surname', async () => {
      for (const token of [sw, laClient]) {
        const byDob = await rawGql(h, token, `{ children(filter: { bornOnOrAfter: "2017-04-09", bornOnOrBefore: "2017-04-30" }) { totalCount edges { node { id dateOfBirth } } } }`);
        expect(byDob.errors).toEqual([]);
        expect(listIds(byDob)).toEqual(idsOf('visible')); // the HAV child born 2017-04-20 is not theirs
        const byName = await rawGql(h, token, `{ children(filter: { lastName: "${SECRET.lastName}" }) { totalCount edges { node { id lastName } } } }`);
        expect(byName.body.data.children).toEqual({ totalCount: 1, edges: [{ node: { id: ids.visible, lastName: SECRET.lastName } }] });
        const otherLa = await rawGql(h, token, `{ children(filter: { lastName: "Haveringsurname" }) { totalCount } }`);
        expect(otherLa.body.data.children.totalCount).toBe(0);
        const ordered = await rawGql(h, token, `{ children(orderBy: DATE_OF_BIRTH, first: 100) { edges { node { dateOfBirth } } } }`);
        const dobs = ordered.body.data.children.edges.map((e: any) => e.node.dateOfBirth);
        expect(dobs).toEqual([...dobs].sort());
      }
    });
  });

  describe('aliases and fragments', () => {
    const query = `query Probe($id: ID!) {
      first: child(id: $id) { id a: lastName b: lastName dateOfBirth ...Secret ... on Child { upn nhs: nhsNumber lastName } bg: birthFamilyBackground
        again: lastName @include(if: true) }
      second: child(id: $id) { ...Secret }
    }
    fragment Secret on Child { lastName placementPostcode dob2: dateOfBirth nhsNumber }`;

    it('refuses every alias of a hidden field, once per response key, and no hidden value is anywhere in the response', async () => {
      for (const token of [ff, rm, raaClient]) {
        const res = await rawGql(h, token, query, { id: ids.visible });
        expect(res.body.data.first).toEqual({ id: ids.visible, a: null, b: null, dateOfBirth: null, lastName: null, placementPostcode: null, dob2: null,
          nhsNumber: null, upn: null, nhs: null, bg: null, again: null });
        expect(res.body.data.second).toEqual({ lastName: null, placementPostcode: null, dob2: null, nhsNumber: null });
        const refused = res.errors.map((e) => `${e.extensions?.code} ${e.path?.join('.')}`).sort();
        expect(refused).toEqual([
          ...['a', 'again', 'b', 'bg', 'dateOfBirth', 'dob2', 'lastName', 'nhs', 'nhsNumber', 'placementPostcode', 'upn'].map((k) => `FORBIDDEN first.${k}`),
          ...['dob2', 'lastName', 'nhsNumber', 'placementPostcode'].map((k) => `FORBIDDEN second.${k}`),
        ].sort());
        expect(leakedSecrets(res.text, SECRET)).toEqual([]);
      }
    });

    it('still serves the same fields to the child\'s own social worker', async () => {
      const res = await rawGql(h, sw, query, { id: ids.visible });
      expect(res.errors).toEqual([]);
      expect(res.body.data.first).toMatchObject({ a: SECRET.lastName, again: SECRET.lastName, dob2: SECRET.dateOfBirth, nhs: SECRET.nhsNumber, bg: SECRET.birthFamilyBackground });
    });
  });

  describe('nested siblings', () => {
    const OUT_OF_SCOPE = { adopted: 'Adoptedsurname', planChanged: 'Changedsurname', noStage: 'Nostagesurname', a: 'Nameadoptedx', b: 'NameplanChangedx', c: 'NamenoStagex' };

    it('a family finder sees only in-scope siblings, and never a sibling\'s surname', async () => {
      const res = await rawGql(h, ff, `query S($id: ID!, $g: ID!) {
        child(id: $id) { siblingGroup { id children { id firstName lastName stage siblingGroup { children { id } } } } }
        siblingGroup(id: $g) { children { id lastName } } }`, { id: ids.visible, g: groups.main });
      const nested = res.body.data.child.siblingGroup.children;
      expect(nested.map((c: any) => c.id).sort()).toEqual(idsOf('visible', 'sibling'));
      expect(nested.every((c: any) => c.lastName === null && ['FAMILY_FINDING'].includes(c.stage))).toBe(true);
      expect(res.body.data.siblingGroup.children.map((c: any) => c.id).sort()).toEqual(idsOf('visible', 'sibling'));
      const paths = res.errors.map((e) => `${e.extensions?.code} ${e.path?.filter((p) => typeof p === 'string').join('.')}`);
      expect(paths.sort()).toEqual([
        'FORBIDDEN child.siblingGroup.children.lastName', 'FORBIDDEN child.siblingGroup.children.lastName',
        'FORBIDDEN siblingGroup.children.lastName', 'FORBIDDEN siblingGroup.children.lastName',
      ]);
      expect(leakedSecrets(res.text, { ...OUT_OF_SCOPE, siblingSurname: 'Siblingsurname', ...SECRET })).toEqual([]);
      expect(leakedSecrets(res.text, { adopted: ids.adopted, planChanged: ids.planChanged, noStage: ids.noStage })).toEqual([]);
    });

    it('a group whose children are all out of scope is absent, and the sibling-size filter counts only in-scope siblings', async () => {
      const closed = await rawGql(h, ff, `query($g: ID!) { siblingGroup(id: $g) { id } }`, { g: groups.closed });
      expect(closed.body).toEqual({ data: { siblingGroup: null } });
      const three = await rawGql(h, ff, `{ children(filter: { minSiblingGroupSize: 3 }) { totalCount } }`);
      expect(three.body.data.children.totalCount).toBe(0); // 5 siblings exist, 2 are in the family finder's scope
      const two = await rawGql(h, ff, `{ children(filter: { minSiblingGroupSize: 2, authority: ["BDG"] }) { edges { node { id } } } }`);
      expect(listIds(two)).toEqual(idsOf('visible', 'sibling'));
      const swView = await rawGql(h, sw, `{ children(filter: { minSiblingGroupSize: 5 }) { totalCount } }`);
      expect(swView.body.data.children.totalCount).toBe(5);
    });
  });

  describe('totalCount and an LA outside the RAA', () => {
    it('counts only in-scope children, whatever allowed filter is used to probe', async () => {
      const [expected] = await h.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM child WHERE authority IN ('BDG','HAV','NHM','TWH')
        AND stage IN ('UNBORN','EARLY_MONITORING','PARALLEL_PLANNING','ADM_DECISION','FAMILY_FINDING','PROGRESS_TO_MATCH','MATCHED_PLACED')`);
      for (const token of [ff, rm, raaClient]) {
        const res = await rawGql(h, token, `{ all: children { totalCount } adopted: children(filter: { stages: [ADOPTED, PLAN_CHANGED] }) { totalCount }
          kent: children(filter: { authority: ["KEN"] }) { totalCount } kentIds: children(filter: { sourceIds: ["LK-kent", "LK-kentSibling"] }) { totalCount } }`);
        expect(res.body.data).toEqual({ all: { totalCount: expected.n }, adopted: { totalCount: 0 }, kent: { totalCount: 0 }, kentIds: { totalCount: 0 } });
      }
      const swRes = await rawGql(h, sw, `{ children { totalCount } hav: children(filter: { authority: ["HAV"] }) { totalCount } }`);
      expect(swRes.body.data).toEqual({ children: { totalCount: 7 }, hav: { totalCount: 0 } });
    });

    it('a child of an LA outside the RAA is absent by id, in lists and through its sibling group, for every ALE viewer', async () => {
      for (const token of [ff, rm, raaClient]) {
        const res = await rawGql(h, token, `query K($k: ID!, $g: ID!) { child(id: $k) { id } siblingGroup(id: $g) { id children { id } }
          children(first: 100) { edges { node { id siblingGroup { children { id } } } } } }`, { k: ids.kent, g: groups.ken });
        expect(res.errors).toEqual([]);
        expect(res.body.data.child).toBeNull();
        expect(res.body.data.siblingGroup).toBeNull();
        expect(leakedSecrets(res.text, { kent: ids.kent, kentSibling: ids.kentSibling, group: groups.ken, name: 'Namekentx' })).toEqual([]);
      }
    });
  });

  describe('roles held at the wrong kind of organisation, or in another RAA', () => {
    it.each([['family_finder', 'BDG'], ['raa_manager', 'HAV'], ['social_worker', 'ALE'], ['integration', 'APSE']] as const)(
      '%s at %s reaches no ALE child by id, list or sibling group', async (role, org) => {
        const res = await rawGql(h, h.token(role, org), `query W($id: ID!, $g: ID!) { child(id: $id) { id firstName } siblingGroup(id: $g) { id } }`,
          { id: ids.visible, g: groups.main });
        expect(res.body).toEqual({ data: { child: null, siblingGroup: null } });
        const list = await rawGql(h, h.token(role, org), `{ children(first: 100, orderBy: AGE, filter: { authority: ["BDG", "HAV", "NHM", "TWH"] }) { totalCount edges { node { id } } } }`);
        const reached = list.body.data ? list.body.data.children.totalCount + list.body.data.children.edges.length : 0;
        expect(reached).toBe(0);
        expect(leakedSecrets(list.text + res.text, { ...SECRET, name: 'Namevisiblex', id: ids.visible })).toEqual([]);
      });
  });

  describe('households', () => {
    it('a social worker sees only households linked or matched to its own children, never address, orientation or surnames', async () => {
      const linked = await makeHousehold(h.t.db, { agency: 'ALE', reference: 'HH-linked', address: '9 Hiddenaddress Lane', postcode: 'RM9 9HH', sexual_orientation: 'Orientationsecret' });
      const other = await makeHousehold(h.t.db, { agency: 'ALE', reference: 'HH-other' });
      const havLinked = await makeHousehold(h.t.db, { agency: 'ALE', reference: 'HH-hav' });
      await h.t.db.query(`UPDATE adopter SET last_name = 'Adoptersurnamesecret', date_of_birth = '1981-07-19' WHERE household_id = $1`, [linked]);
      await makeMatch(h.t.db, linked, ids.visible, 'LINKED');
      await makeMatch(h.t.db, havLinked, ids.havering, 'MATCHED');
      const res = await rawGql(h, sw, `query($o: ID!, $hv: ID!) { adopterHouseholds { totalCount edges { node { id reference address postcode sexualOrientation healthNotes
          adopters { firstName lastName dateOfBirth } } } } other: adopterHousehold(id: $o) { id } hav: adopterHousehold(id: $hv) { id } }`, { o: other, hv: havLinked });
      expect(res.body.data.adopterHouseholds.totalCount).toBe(1);
      expect(res.body.data.adopterHouseholds.edges[0].node).toEqual({ id: linked, reference: 'HH-linked', address: null, postcode: null, sexualOrientation: null,
        healthNotes: null, adopters: [{ firstName: 'Alex', lastName: null, dateOfBirth: null }] });
      expect(res.body.data.other).toBeNull();
      expect(res.body.data.hav).toBeNull();
      expect(res.errors.map((e) => e.path?.slice(-1)[0]).sort()).toEqual(['address', 'dateOfBirth', 'healthNotes', 'lastName', 'postcode', 'sexualOrientation']);
      expect(leakedSecrets(res.text, { address: '9 Hiddenaddress Lane', postcode: 'RM9 9HH', orientation: 'Orientationsecret', surname: 'Adoptersurnamesecret', dob: '1981-07-19', other, havLinked })).toEqual([]);
    });
  });
});
