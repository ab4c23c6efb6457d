import { readFileSync } from 'fs';
import type { Database } from '../../src/db/sql';
import { scorecardFigures } from '../../src/services/scorecard-query';
import { storeBatch, storeExtractChildren } from '../../src/sync/child-store';
import type { ExtractChild, Ssda903Extract } from '../../src/sync/ssda903/extract';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  expectedChildren, explainMismatch, JOURNEY_YEARS, JOURNEYS_DIR, MILESTONE_FIELDS, readJourneyReturns, SHUFFLED,
} from './ssda903/journeys';

const COLUMN: Record<string, string> = {
  enteredCareOn: 'entered_care_on', decisionOn: 'decision_on', placementOrderOn: 'placement_order_on',
  matchedOn: 'matched_on', placedOn: 'placed_on', movedInOn: 'moved_in_on', adoptionOrderOn: 'adoption_order_on',
  planChangedOn: 'plan_changed_on', stage: 'stage',
};

let t: TestDatabase;
let db: Database;
let returns: Map<number, Ssda903Extract>;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await db.query(`INSERT INTO authority (code, name, kind, la_number) VALUES
    ('BDG', 'Barking and Dagenham', 'LOCAL_AUTHORITY', 301), ('HAV', 'Havering', 'LOCAL_AUTHORITY', 311)`);
  const list = await readJourneyReturns();
  returns = new Map(JOURNEY_YEARS.map((y, i) => [y, list[i]]));
});
afterAll(() => t.close());

async function importYears(authority: string, years: number[]) {
  const results = [];
  for (const y of years) results.push(await storeExtractChildren(db, authority, y, returns.get(y)!.children, { batchSize: 25 }));
  return results;
}

const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(sql, params))[0].n);

describe('importing the adoption journeys year by year, in a shuffled order', () => {
  beforeAll(() => importYears('BDG', SHUFFLED));

  it('stores every child with the dates and stage of expected.json', async () => {
    const expected = expectedChildren();
    const rows = await db.query<Record<string, string | null>>(`
      SELECT c.source_id, ${Object.values(COLUMN).map((col) => col === 'stage' ? 'c.stage' : `c.${col}::text AS ${col}`).join(', ')},
        a.matched_on::text AS ad1_match
      FROM child c LEFT JOIN child_adoption a ON a.child_id = c.id WHERE c.authority = 'BDG'`);
    expect(rows.map((r) => r.source_id).sort()).toEqual(Object.keys(expected).sort());
    const unexplained: string[] = [];
    for (const r of rows) {
      const want = expected[r.source_id!];
      const facts = { hasAd1: r.ad1_match !== null, ad1Match: r.ad1_match, placedOn: r.placed_on };
      for (const f of MILESTONE_FIELDS) {
        const got = r[COLUMN[f]];
        const w = want[f] ?? null;
        if (got !== w && !explainMismatch(f, got, w, facts)) unexplained.push(`${r.source_id} ${f}: got ${got}, want ${w}`);
      }
    }
    expect(unexplained).toEqual([]);
  });

  it('gives the scorecard of expected.json for 2019, 2020 and 2021 from the imported returns', async () => {
    const want = JSON.parse(readFileSync(`${JOURNEYS_DIR}/expected.json`, 'utf8')).scorecard;
    for (const year of [2019, 2020, 2021]) {
      const got = await scorecardFigures(db, 'BDG', year);
      expect(got).toMatchObject(want[String(year)]);
    }
  });

  it('keeps the newest return\'s version of an episode that recurs (open in one year, closed in the next)', async () => {
    const [ep] = await db.query<{ dec: string | null; rec: string | null; source_year: number }>(`
      SELECT e.dec::text, e.rec, e.source_year FROM care_episode e JOIN child c ON c.id = e.child_id
      WHERE c.authority = 'BDG' AND c.source_id = 'G100070' AND e.decom = '2016-05-24'`);
    expect(ep).toEqual({ dec: '2017-10-30', rec: 'E11', source_year: 2018 });
  });

  it('changes nothing when everything is imported again, in another order', async () => {
    const before = await db.query(`SELECT id, updated_at FROM child WHERE authority = 'BDG' ORDER BY id`);
    const logBefore = await count(`SELECT count(*) AS n FROM change_log`);
    const results = await importYears('BDG', [...JOURNEY_YEARS].reverse());
    expect(results.reduce((n, r) => n + r.childrenChanged, 0)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM change_log`)).toBe(logBefore);
    expect(await db.query(`SELECT id, updated_at FROM child WHERE authority = 'BDG' ORDER BY id`)).toEqual(before);
  });

  it('logged one UPSERT per child change, never for another authority', async () => {
    expect(await count(`SELECT count(DISTINCT entity_id) AS n FROM change_log WHERE authority = 'BDG' AND entity = 'Child'`)).toBe(92);
    expect(await count(`SELECT count(*) AS n FROM change_log WHERE authority <> 'BDG'`)).toBe(0);
  });
});

const child = (sourceId: string, episodes: Partial<ExtractChild['episodes'][number]>[] = [], extra: Partial<ExtractChild> = {}): ExtractChild => ({
  sourceId, sex: 'FEMALE', dateOfBirth: '2019-01-01', ethnicity: 'WBRI', upn: 'UN1',
  episodes: episodes.map((e) => ({ decom: '2020-01-01', rne: 'S', legalStatus: 'C2', cin: 'N1', place: 'U6', placeProvider: 'PR1',
    dec: null, rec: null, reasonPlaceChange: null, homePostcode: null, placementPostcode: null, urn: null, ...e })),
  ...extra,
});

describe('bad records, atomic batches and explicit stages', () => {
  it('rejects a bad record by index and stores the good ones', async () => {
    const r = await storeExtractChildren(db, 'HAV', 2021, [
      child('H1', [{}]), { ...child('H2'), sex: 'X' }, child('H3', [{ decom: '2020-02-30' }]), child('H4'),
    ]);
    expect(r.rejected.map((x) => [x.index, x.sourceId])).toEqual([[1, 'H2'], [2, 'H3']]);
    expect(r.rejected[1].reason).toMatch(/episodes\[0\]: decom/);
    expect(r.childrenAccepted).toBe(2);
    expect((await db.query<{ source_id: string }>(`SELECT source_id FROM child WHERE authority = 'HAV' ORDER BY 1`))
      .map((x) => x.source_id)).toEqual(['H1', 'H4']);
  });

  it('writes nothing of a batch that fails midway, and keeps the batches committed before it', async () => {
    await db.query(`CREATE FUNCTION refuse_urn() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.urn = 'FAIL' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`);
    await db.query(`CREATE TRIGGER refuse_urn BEFORE INSERT ON care_episode FOR EACH ROW EXECUTE FUNCTION refuse_urn()`);
    try {
      const batch = [child('B1', [{}]), child('B2', [{}]), child('B3', [{}]), child('B4', [{ urn: 'FAIL' }])];
      await expect(storeExtractChildren(db, 'HAV', 2021, batch, { batchSize: 2 })).rejects.toThrow('refused');
      const stored = await db.query<{ source_id: string }>(`SELECT source_id FROM child WHERE source_id LIKE 'B%' ORDER BY 1`);
      expect(stored.map((x) => x.source_id)).toEqual(['B1', 'B2']);
      expect(await count(`SELECT count(*) AS n FROM change_log l JOIN child c ON c.id = l.entity_id WHERE c.source_id IN ('B3', 'B4')`)).toBe(0);
      await expect(db.transaction((tx) => storeBatch(tx, 'HAV', 2021, [child('B5', [{}]), child('B6', [{ urn: 'FAIL' }])])))
        .rejects.toThrow('refused');
      expect(await count(`SELECT count(*) AS n FROM child WHERE source_id IN ('B5', 'B6')`)).toBe(0);
    } finally {
      await db.query(`DROP TRIGGER refuse_urn ON care_episode`);
    }
  });

  it('keeps an explicit stage from syncChildren and sets only the dates', async () => {
    await db.query(`INSERT INTO child (authority, source_id, stage, stage_explicit) VALUES ('HAV', 'X1', 'EARLY_MONITORING', true)`);
    await storeExtractChildren(db, 'HAV', 2021, [child('X1', [{ decom: '2020-05-01' }, { decom: '2020-09-01', rne: 'L', legalStatus: 'E1' }])]);
    const [row] = await db.query(`SELECT stage, entered_care_on::text, placement_order_on::text FROM child WHERE source_id = 'X1'`);
    expect(row).toEqual({ stage: 'EARLY_MONITORING', entered_care_on: '2020-05-01', placement_order_on: '2020-09-01' });
  });

  it('never lets an older return overwrite a newer one', async () => {
    await storeExtractChildren(db, 'HAV', 2021, [child('Y1', [{ dec: '2021-02-01', rec: 'E4A' }], { ethnicity: 'BAFR' })]);
    await storeExtractChildren(db, 'HAV', 2020, [child('Y1', [{}], { ethnicity: 'WBRI' })]);
    const [row] = await db.query(`SELECT c.ethnicity, e.dec::text, e.rec FROM child c JOIN care_episode e ON e.child_id = c.id WHERE c.source_id = 'Y1'`);
    expect(row).toEqual({ ethnicity: 'BAFR', dec: '2021-02-01', rec: 'E4A' });
  });
});
