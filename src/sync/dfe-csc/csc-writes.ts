// The multi-row statements that write a merged DfE batch. Each writes only rows whose values differ and returns
// the ids of the children it changed, so a re-sent payload changes nothing and the change feed stays quiet.
import type { Sql } from '../../db/sql';
import type { ChildState } from './child-state';
import { currentPlacementPostcode } from './record-merge';

const ids = (rows: { child_id: string }[]) => rows.map((r) => r.child_id);
const DETAIL_COLUMNS = ['first_name', 'last_name', 'date_of_birth', 'expected_date_of_birth', 'sex', 'ethnicity', 'upn', 'needs',
  'placement_postcode'];

/** Inserts or updates the children's details (the ids of new children are the states' own). */
export async function upsertChildDetails(tx: Sql, authority: string, children: readonly ChildState[]): Promise<string[]> {
  if (children.length === 0) return [];
  const col = (f: (c: ChildState) => unknown) => children.map(f);
  const rows = await tx.query<{ child_id: string }>(`
    INSERT INTO child AS c (id, authority, source_id, ${DETAIL_COLUMNS.join(', ')})
    SELECT u.id, $1, u.source_id, u.first_name, u.last_name, u.dob, u.edob, u.sex, u.ethnicity, u.upn,
      ARRAY(SELECT jsonb_array_elements_text(u.needs)), u.postcode
    FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[], $9::text[], $10::text[],
      $11::jsonb[], $12::text[]) AS u(id, source_id, first_name, last_name, dob, edob, sex, ethnicity, upn, needs, postcode)
    ON CONFLICT (authority, source_id) DO UPDATE
      SET ${DETAIL_COLUMNS.map((k) => `${k} = excluded.${k}`).join(', ')}, updated_at = now()
      WHERE (${DETAIL_COLUMNS.map((k) => `c.${k}`).join(', ')}) IS DISTINCT FROM (${DETAIL_COLUMNS.map((k) => `excluded.${k}`).join(', ')})
    RETURNING c.id AS child_id`,
  [authority, col((c) => c.id), col((c) => c.sourceId), col((c) => c.details.firstName), col((c) => c.details.lastName),
    col((c) => c.details.dateOfBirth), col((c) => c.details.expectedDateOfBirth), col((c) => c.details.sex),
    col((c) => c.details.ethnicity), col((c) => c.details.upn), col((c) => JSON.stringify(c.needs)),
    col(currentPlacementPostcode)]);
  return ids(rows);
}

/**
 * Removes the placements a batch purged, and lets a placement take over a 903 episode of the same child starting
 * the same day (the same stay, seen by both sources: the 903's legal status and other fields are kept on it).
 */
export async function removeAndAbsorbEpisodes(tx: Sql, authority: string, children: readonly ChildState[]): Promise<string[]> {
  const drop: [string, string][] = [];
  const takeOver: [string, string, string, string][] = [];
  for (const c of children) {
    for (const key of c.storedPlacementKeys) if (!c.placements.has(key)) drop.push([c.id, key]);
    for (const o of c.otherEpisodes) {
      const p = [...c.placements.values()].find((x) => x.decom === o.decom);
      if (!p) continue;
      if (c.storedPlacementKeys.has(p.key)) drop.push([c.id, o.sourceId]);
      else takeOver.push([c.id, o.sourceId, p.key, p.episodeId]);
    }
  }
  const changed: string[] = [];
  if (drop.length > 0) {
    changed.push(...ids(await tx.query<{ child_id: string }>(`
      DELETE FROM care_episode e USING unnest($2::uuid[], $3::text[]) AS u(child_id, source_id)
      WHERE e.authority = $1 AND e.child_id = u.child_id AND e.source_id = u.source_id RETURNING e.child_id`,
    [authority, drop.map((d) => d[0]), drop.map((d) => d[1])])));
  }
  if (takeOver.length > 0) {
    changed.push(...ids(await tx.query<{ child_id: string }>(`
      UPDATE care_episode e SET source_id = u.key, csc_episode_id = u.episode
      FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS u(child_id, source_id, key, episode)
      WHERE e.authority = $1 AND e.child_id = u.child_id AND e.source_id = u.source_id RETURNING e.child_id`,
    [authority, ...[0, 1, 2, 3].map((i) => takeOver.map((t) => t[i]))])));
  }
  return changed;
}

const EPISODE_COLUMNS = ['csc_episode_id', 'decom', 'rne', 'place', 'placement_postcode', 'dec', 'rec'];

/** Upserts the children's placements by (authority, placement id) as care episodes. */
export async function upsertPlacements(tx: Sql, authority: string, children: readonly ChildState[]): Promise<string[]> {
  const ps = children.flatMap((c) => [...c.placements.values()].map((p) => ({ child: c.id, ...p })));
  if (ps.length === 0) return [];
  const col = <K extends keyof (typeof ps)[number]>(k: K) => ps.map((p) => p[k]);
  const rows = await tx.query<{ child_id: string }>(`
    INSERT INTO care_episode AS e (child_id, authority, source_id, ${EPISODE_COLUMNS.join(', ')})
    SELECT u.child_id, $1, u.key, u.episode, u.decom, u.rne, u.place, u.postcode, u.dec, u.rec
    FROM unnest($2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[], $9::date[], $10::text[])
      AS u(child_id, key, episode, decom, rne, place, postcode, dec, rec)
    ON CONFLICT (authority, source_id) DO UPDATE
      SET ${EPISODE_COLUMNS.map((k) => `${k} = excluded.${k}`).join(', ')}
      WHERE (${EPISODE_COLUMNS.map((k) => `e.${k}`).join(', ')}) IS DISTINCT FROM (${EPISODE_COLUMNS.map((k) => `excluded.${k}`).join(', ')})
    RETURNING e.child_id`,
  [authority, col('child'), col('key'), col('episodeId'), col('decom'), col('rne'), col('place'), col('postcode'), col('dec'), col('rec')]);
  return ids(rows);
}

/** Removes purged adoption blocks and upserts the others, per (child, social care episode). */
export async function writeAdoptions(tx: Sql, children: readonly ChildState[]): Promise<string[]> {
  const drop = children.flatMap((c) => [...c.storedAdoptionEpisodes].filter((e) => !c.adoptions.has(e)).map((e) => [c.id, e]));
  const keep = children.flatMap((c) => [...c.adoptions.values()].map((a) => ({ child: c.id, ...a })));
  const changed: string[] = [];
  if (drop.length > 0) {
    changed.push(...ids(await tx.query<{ child_id: string }>(`
      DELETE FROM child_csc_adoption a USING unnest($1::uuid[], $2::text[]) AS u(child_id, episode)
      WHERE a.child_id = u.child_id AND a.csc_episode_id = u.episode RETURNING a.child_id`,
    [drop.map((d) => d[0]), drop.map((d) => d[1])])));
  }
  if (keep.length > 0) {
    changed.push(...ids(await tx.query<{ child_id: string }>(`
      INSERT INTO child_csc_adoption AS a (child_id, csc_episode_id, decision_on, matched_on, placed_on)
      SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[], $4::date[], $5::date[])
      ON CONFLICT (child_id, csc_episode_id) DO UPDATE
        SET decision_on = excluded.decision_on, matched_on = excluded.matched_on, placed_on = excluded.placed_on
        WHERE (a.decision_on, a.matched_on, a.placed_on) IS DISTINCT FROM (excluded.decision_on, excluded.matched_on, excluded.placed_on)
      RETURNING a.child_id`,
    [keep.map((k) => k.child), keep.map((k) => k.episodeId), keep.map((k) => k.decisionOn), keep.map((k) => k.matchedOn),
      keep.map((k) => k.placedOn)])));
  }
  return changed;
}
