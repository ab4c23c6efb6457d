// syncChildren refuses a milestone date (or a date of birth) in the future: the record is rejected with its index,
// field and reason, the good records of the batch land. A day ahead is accepted (a sender in a later time zone).
import { seedAuthorities } from '../support/factories';
import { startTestHub, TestHub } from '../support/test-hub';
import { childRecord, SYNC_CHILDREN } from './sync-support';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const years = (n: number) => day(Math.round(n * 365.25));

let h: TestHub;
beforeAll(async () => {
  h = await startTestHub();
  await seedAuthorities(h.t.db);
});
afterAll(() => h.close());

describe('syncChildren and dates in the future', () => {
  it('rejects a milestone or birth years ahead with index, field and reason, and stores the good records', async () => {
    const records = [
      childRecord('FUT-OK'),
      childRecord('FUT-MATCH', { stage: 'MATCHED_PLACED', matchedOn: years(5) }),
      childRecord('FUT-DOB', { dateOfBirth: years(1) }),
      childRecord('FUT-ORDER', { adoptionOrderOn: day(2) }),
      childRecord('FUT-TOMORROW', { placementOrderOn: day(1) }),
      childRecord('FUT-UNBORN', { stage: 'UNBORN', dateOfBirth: null, expectedDateOfBirth: years(0.3), enteredCareOn: null, decisionOn: null, placementOrderOn: null }),
    ];
    const res = await h.gql(h.token('integration', 'BDG'), SYNC_CHILDREN, { authority: 'BDG', records });
    expect(res.body.errors).toBeUndefined();
    const out = res.body.data.syncChildren;
    expect(out.rejected.map((r: any) => [r.index, r.sourceId, r.field])).toEqual([
      [1, 'FUT-MATCH', 'matchedOn'], [2, 'FUT-DOB', 'dateOfBirth'], [3, 'FUT-ORDER', 'adoptionOrderOn'],
    ]);
    expect(out.rejected[0].reason).toMatch(new RegExp(`${years(5)} is in the future; a milestone date records something that has happened`));
    expect(out.rejected[1].reason).toMatch(/expectedDateOfBirth/);
    expect(out.accepted).toBe(3);
    const stored = await h.t.db.query<{ source_id: string }>(`SELECT source_id FROM child WHERE source_id LIKE 'FUT-%' ORDER BY source_id`);
    expect(stored.map((s) => s.source_id)).toEqual(['FUT-OK', 'FUT-TOMORROW', 'FUT-UNBORN']);
  });
});
