import { readFileSync } from 'fs';
import { mergeReturns } from '../../../src/sync/ssda903/merge-returns';
import { deriveMilestones, periodsOfCare, type EpisodeFacts } from '../../../src/sync/ssda903/milestone-derivation';
import {
  expectedChildren, explainMismatch, JOURNEY_YEARS, JOURNEYS_DIR, MILESTONE_FIELDS, readJourneyReturns, SHUFFLED,
} from './journeys';

const ep = (decom: string, rne: string, legalStatus: string, place: string, dec: string | null = null,
  rec: string | null = null): EpisodeFacts => ({ decom, rne, legalStatus, place, dec, rec });

describe('periods of care', () => {
  it('start at RNE S and end at a REC other than X1, whatever the input order', () => {
    const eps = [ep('2016-09-08', 'S', 'C2', 'U6'), ep('2016-02-01', 'S', 'V2', 'U6', '2016-09-08', 'X1'),
      ep('2017-03-21', 'L', 'E1', 'U6'), ep('2015-01-01', 'S', 'V2', 'U6', '2015-05-01', 'E4A')];
    expect(periodsOfCare(eps).map((p) => p.map((e) => e.decom))).toEqual([
      ['2015-01-01'], ['2016-02-01'], ['2016-09-08', '2017-03-21']]);
  });
});

describe('deriveMilestones', () => {
  it('takes the dates from the latest period of care, with the carer walk-back for an A5 placement', () => {
    const m = deriveMilestones({
      episodes: [
        ep('2014-01-01', 'S', 'V2', 'U6', '2014-06-01', 'E4A'),
        ep('2017-09-18', 'S', 'C2', 'U6', '2017-11-11', 'X1'),
        ep('2017-11-11', 'P', 'C2', 'U5', '2018-05-22', 'X1'),
        ep('2018-05-22', 'L', 'E1', 'U5', '2019-05-31', 'X1'),
        ep('2019-05-31', 'T', 'E1', 'A5', '2020-03-01', 'E12'),
      ],
      ad1: { dateInt: '2018-02-09', dateMatch: '2019-04-24' },
      placedAdoption: [{ datePlaced: '2018-02-09', datePlacedCeased: null, reasonPlacedCeased: null }],
    });
    expect(m).toEqual({
      enteredCareOn: '2017-09-18', placementOrderOn: '2018-05-22', fosteringForAdoptionOn: '2017-11-11',
      placedOn: '2019-05-31', movedInOn: '2017-11-11', adoptionOrderOn: '2020-03-01', decisionOn: '2018-02-09',
      planChangedOn: null, planChangedReason: null, matchedOn: '2019-04-24', stage: 'ADOPTED',
    });
  });

  it('gives each stage by the first rule that applies', () => {
    const decided = [{ datePlaced: '2020-01-10', datePlacedCeased: null, reasonPlacedCeased: null }];
    const reversed = [{ datePlaced: '2020-01-10', datePlacedCeased: '2020-06-30', reasonPlacedCeased: 'RD2' }];
    const start = ep('2019-08-12', 'S', 'C1', 'U6', '2020-02-01', 'X1');
    expect(deriveMilestones({ episodes: [start] }).stage).toBeNull();
    expect(deriveMilestones({ episodes: [start], placedAdoption: decided }).stage).toBe('ADM_DECISION');
    const po = [start, ep('2020-02-01', 'L', 'E1', 'U6')];
    expect(deriveMilestones({ episodes: po, placedAdoption: decided }).stage).toBe('FAMILY_FINDING');
    const placed = [start, ep('2020-02-01', 'P', 'E1', 'A6')];
    expect(deriveMilestones({ episodes: placed }).stage).toBe('MATCHED_PLACED');
    const m = deriveMilestones({ episodes: placed, placedAdoption: reversed });
    expect([m.stage, m.planChangedOn, m.planChangedReason]).toEqual(['PLAN_CHANGED', '2020-06-30', 'RD2']);
  });

  it('leaves entered care unknown when the period does not begin with RNE S (history not imported)', () => {
    expect(deriveMilestones({ episodes: [ep('2020-01-01', 'L', 'E1', 'U6')] }).enteredCareOn).toBeNull();
  });
});

describe('the adoption journeys, merged from nine returns', () => {
  const expected = expectedChildren();

  async function derivedInOrder(order: number[]) {
    const returns = await readJourneyReturns();
    const byYear = new Map(JOURNEY_YEARS.map((y, i) => [y, returns[i]]));
    for (const r of returns) expect(r.rejections).toEqual([]);
    return mergeReturns(order.map((y) => byYear.get(y)!));
  }

  it.each([['in year order', JOURNEY_YEARS], ['in a shuffled order', SHUFFLED]])(
    'every child has the dates and stage of expected.json (%s)', async (_label, order) => {
      const children = await derivedInOrder(order);
      expect(children.map((c) => c.sourceId).sort()).toEqual(Object.keys(expected).sort());
      const unexplained: string[] = [];
      let explained = 0;
      let compared = 0;
      for (const c of children) {
        const m = deriveMilestones(c);
        const want = expected[c.sourceId];
        const facts = { hasAd1: c.ad1 !== undefined, ad1Match: c.ad1?.dateMatch ?? null, placedOn: m.placedOn };
        for (const field of MILESTONE_FIELDS) {
          compared += 1;
          const got = m[field] ?? null;
          const w = want[field] ?? null;
          if (got === w) continue;
          if (explainMismatch(field, got, w, facts)) explained += 1;
          else unexplained.push(`${c.sourceId} (${want.kind}) ${field}: got ${got}, want ${w}`);
        }
      }
      expect(unexplained).toEqual([]);
      expect(compared).toBe(92 * MILESTONE_FIELDS.length);
      expect(explained).toBeLessThanOrEqual(20);
    });

  it('agrees with expected.json on every stage, and the stage counts', async () => {
    const children = await derivedInOrder(SHUFFLED);
    const counts: Record<string, number> = {};
    for (const c of children) {
      const stage = deriveMilestones(c).stage!;
      expect({ id: c.sourceId, stage }).toEqual({ id: c.sourceId, stage: expected[c.sourceId].stage });
      counts[stage] = (counts[stage] ?? 0) + 1;
    }
    expect(counts).toEqual(JSON.parse(readFileSync(`${JOURNEYS_DIR}/expected.json`, 'utf8')).stages);
  });
});
