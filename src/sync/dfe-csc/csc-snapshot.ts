// Loads what the hub holds for a batch's children (locked for the batch's transaction), as merge states.
import type { Sql } from '../../db/sql';
import type { ChildState } from './child-state';
import { newChildState } from './record-merge';

interface ChildRow {
  id: string; source_id: string; first_name: string | null; last_name: string | null; date_of_birth: string | null;
  expected_date_of_birth: string | null; sex: 'MALE' | 'FEMALE' | 'UNKNOWN' | null; ethnicity: string | null;
  upn: string | null; needs: string[]; placement_postcode: string | null;
}
interface EpisodeRow {
  child_id: string; source_id: string; csc_episode_id: string | null; decom: string; rne: string; place: string | null;
  placement_postcode: string | null; dec: string | null; rec: string | null;
}
interface AdoptionRow { child_id: string; csc_episode_id: string; decision_on: string | null; matched_on: string | null; placed_on: string | null }

/** The batch's children by source id: stored ones as held (rows locked FOR UPDATE), others fresh. */
export async function loadChildStates(tx: Sql, authority: string, sourceIds: readonly string[]): Promise<Map<string, ChildState>> {
  const states = new Map(sourceIds.map((s) => [s, newChildState(s)]));
  const children = await tx.query<ChildRow>(`
    SELECT id, source_id, first_name, last_name, date_of_birth::text, expected_date_of_birth::text, sex, ethnicity, upn,
      needs, placement_postcode
    FROM child WHERE authority = $1 AND source_id = ANY($2::text[]) ORDER BY id FOR UPDATE`, [authority, [...states.keys()]]);
  const byId = new Map<string, ChildState>();
  for (const r of children) {
    const s = states.get(r.source_id)!;
    Object.assign(s, {
      storedId: r.id, id: r.id, present: true, needs: r.needs, placementPostcode: r.placement_postcode,
      details: { firstName: r.first_name, lastName: r.last_name, dateOfBirth: r.date_of_birth,
        expectedDateOfBirth: r.expected_date_of_birth, sex: r.sex, ethnicity: r.ethnicity, upn: r.upn },
    });
    byId.set(r.id, s);
  }
  const ids = [...byId.keys()];
  const episodes = await tx.query<EpisodeRow>(`
    SELECT child_id, source_id, csc_episode_id, decom::text, rne, place, placement_postcode, dec::text, rec
    FROM care_episode WHERE child_id = ANY($1::uuid[])`, [ids]);
  for (const e of episodes) {
    const s = byId.get(e.child_id)!;
    if (e.csc_episode_id === null) { s.otherEpisodes.push({ sourceId: e.source_id, decom: e.decom }); continue; }
    s.placements.set(e.source_id, { key: e.source_id, episodeId: e.csc_episode_id, decom: e.decom, rne: e.rne, place: e.place,
      postcode: e.placement_postcode, dec: e.dec, rec: e.rec });
    s.storedPlacementKeys.add(e.source_id);
  }
  const adoptions = await tx.query<AdoptionRow>(`
    SELECT child_id, csc_episode_id, decision_on::text, matched_on::text, placed_on::text
    FROM child_csc_adoption WHERE child_id = ANY($1::uuid[])`, [ids]);
  for (const a of adoptions) {
    const s = byId.get(a.child_id)!;
    s.adoptions.set(a.csc_episode_id, { episodeId: a.csc_episode_id, decisionOn: a.decision_on, matchedOn: a.matched_on, placedOn: a.placed_on });
    s.storedAdoptionEpisodes.add(a.csc_episode_id);
  }
  return states;
}

/** Which child (source id) of the authority holds each of these episode source ids. */
export async function placementKeyOwners(tx: Sql, authority: string, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.query<{ source_id: string; child: string }>(`
    SELECT e.source_id, c.source_id AS child FROM care_episode e JOIN child c ON c.id = e.child_id
    WHERE e.authority = $1 AND e.source_id = ANY($2::text[])`, [authority, keys]);
  return new Map(rows.map((r) => [r.source_id, r.child]));
}
