// The multi-row upserts of one 903 batch. Each writes only rows whose values differ, and never lets a return of an
// older collection year overwrite a newer one; each returns the ids of the children whose rows it changed.
import type { Sql } from '../db/sql';
import type { ExtractChild } from './ssda903/extract';

const ids = (rows: { child_id: string }[]) => rows.map((r) => r.child_id);

/** Inserts or updates the children's header fields; a child with no header row only gets a row if new. */
export async function upsertChildHeaders(tx: Sql, authority: string, year: number, children: readonly ExtractChild[]): Promise<string[]> {
  const rows = await tx.query<{ child_id: string }>(`
    INSERT INTO child AS c (authority, source_id, sex, date_of_birth, ethnicity, upn, source_year)
    SELECT $1, u.source_id, u.sex, u.dob, u.ethnicity, u.upn, CASE WHEN u.sex IS NULL THEN NULL ELSE $2::int END
    FROM unnest($3::text[], $4::text[], $5::date[], $6::text[], $7::text[]) AS u(source_id, sex, dob, ethnicity, upn)
    ON CONFLICT (authority, source_id) DO UPDATE
      SET sex = excluded.sex, date_of_birth = excluded.date_of_birth, ethnicity = excluded.ethnicity,
          upn = excluded.upn, source_year = excluded.source_year, updated_at = now()
      WHERE excluded.sex IS NOT NULL
        AND (c.source_year IS NULL OR c.source_year <= excluded.source_year)
        AND (c.sex, c.date_of_birth, c.ethnicity, c.upn, c.source_year)
            IS DISTINCT FROM (excluded.sex, excluded.date_of_birth, excluded.ethnicity, excluded.upn, excluded.source_year)
    RETURNING c.id AS child_id`,
  [authority, year, children.map((c) => c.sourceId), children.map((c) => c.sex), children.map((c) => c.dateOfBirth),
    children.map((c) => c.ethnicity), children.map((c) => c.upn)]);
  return ids(rows);
}

/** The hub ids of the batch's children, by source id. */
export async function childIdsBySource(tx: Sql, authority: string, sourceIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await tx.query<{ id: string; source_id: string }>(
    `SELECT id, source_id FROM child WHERE authority = $1 AND source_id = ANY($2::text[])`, [authority, sourceIds]);
  return new Map(rows.map((r) => [r.source_id, r.id]));
}

const EPISODE_COLUMNS = ['rne', 'legal_status', 'cin', 'place', 'place_provider', 'dec', 'rec', 'reason_place_change',
  'home_postcode', 'placement_postcode', 'urn', 'source_year'];

/** Upserts episodes by (child, DECOM); the episode's source id is `CHILD/DECOM`, unique within the authority. */
export async function upsertEpisodes(tx: Sql, authority: string, year: number, children: readonly ExtractChild[]): Promise<string[]> {
  const eps = children.flatMap((c) => c.episodes.map((e) => ({ child: c.sourceId, ...e })));
  if (eps.length === 0) return [];
  const col = <K extends keyof (typeof eps)[number]>(k: K) => eps.map((e) => e[k]);
  const rows = await tx.query<{ child_id: string }>(`
    INSERT INTO care_episode AS e (child_id, authority, source_id, decom, rne, legal_status, cin, place, place_provider,
      dec, rec, reason_place_change, home_postcode, placement_postcode, urn, source_year)
    SELECT c.id, $1, u.child || '/' || u.decom::text, u.decom, u.rne, u.ls, u.cin, u.place, u.provider, u.dec, u.rec,
      u.reason, u.home, u.pl, u.urn, $2::int
    FROM unnest($3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::date[],
      $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
      AS u(child, decom, rne, ls, cin, place, provider, dec, rec, reason, home, pl, urn)
    JOIN child c ON c.authority = $1 AND c.source_id = u.child
    ON CONFLICT (child_id, decom) DO UPDATE
      SET ${EPISODE_COLUMNS.map((k) => `${k} = excluded.${k}`).join(', ')}
      WHERE (e.source_year IS NULL OR e.source_year <= excluded.source_year)
        AND (${EPISODE_COLUMNS.map((k) => `e.${k}`).join(', ')})
            IS DISTINCT FROM (${EPISODE_COLUMNS.map((k) => `excluded.${k}`).join(', ')})
    RETURNING e.child_id`,
  [authority, year, col('child'), col('decom'), col('rne'), col('legalStatus'), col('cin'), col('place'),
    col('placeProvider'), col('dec'), col('rec'), col('reasonPlaceChange'), col('homePostcode'),
    col('placementPostcode'), col('urn')]);
  return ids(rows);
}

/** Upserts the AD1 rows (one per child, the latest collection year's). */
export async function upsertAd1(tx: Sql, authority: string, year: number, children: readonly ExtractChild[]): Promise<string[]> {
  const withAd1 = children.filter((c) => c.ad1);
  if (withAd1.length === 0) return [];
  const a = withAd1.map((c) => c.ad1!);
  const rows = await tx.query<{ child_id: string }>(`
    INSERT INTO child_adoption AS a (child_id, decision_on, matched_on, adopted_by_foster_carer, number_of_adopters,
      adopter_sex, adopter_legal_status, source_year)
    SELECT c.id, u.dint, u.dmatch, u.foster, u.nb, u.sex, u.ls, $2::int
    FROM unnest($3::text[], $4::date[], $5::date[], $6::boolean[], $7::int[], $8::text[], $9::text[])
      AS u(child, dint, dmatch, foster, nb, sex, ls)
    JOIN child c ON c.authority = $1 AND c.source_id = u.child
    ON CONFLICT (child_id) DO UPDATE
      SET decision_on = excluded.decision_on, matched_on = excluded.matched_on,
          adopted_by_foster_carer = excluded.adopted_by_foster_carer, number_of_adopters = excluded.number_of_adopters,
          adopter_sex = excluded.adopter_sex, adopter_legal_status = excluded.adopter_legal_status,
          source_year = excluded.source_year
      WHERE a.source_year <= excluded.source_year
        AND (a.decision_on, a.matched_on, a.adopted_by_foster_carer, a.number_of_adopters, a.adopter_sex,
             a.adopter_legal_status, a.source_year)
            IS DISTINCT FROM (excluded.decision_on, excluded.matched_on, excluded.adopted_by_foster_carer,
             excluded.number_of_adopters, excluded.adopter_sex, excluded.adopter_legal_status, excluded.source_year)
    RETURNING a.child_id`,
  [authority, year, withAd1.map((c) => c.sourceId), a.map((x) => x.dateInt), a.map((x) => x.dateMatch),
    a.map((x) => x.fosterCare), a.map((x) => x.nbAdoptr), a.map((x) => x.sexAdoptr), a.map((x) => x.lsAdoptr)]);
  return ids(rows);
}

/** Upserts the PlacedAdoption decisions by (child, decision date). */
export async function upsertDecisions(tx: Sql, authority: string, year: number, children: readonly ExtractChild[]): Promise<string[]> {
  const ds = children.flatMap((c) => (c.placedAdoption ?? []).map((p) => ({ child: c.sourceId, ...p })));
  if (ds.length === 0) return [];
  const rows = await tx.query<{ child_id: string }>(`
    INSERT INTO child_adoption_decision AS d (child_id, decided_on, reversed_on, reversal_reason, source_year)
    SELECT c.id, u.placed, u.ceased, u.reason, $2::int
    FROM unnest($3::text[], $4::date[], $5::date[], $6::text[]) AS u(child, placed, ceased, reason)
    JOIN child c ON c.authority = $1 AND c.source_id = u.child
    ON CONFLICT (child_id, decided_on) DO UPDATE
      SET reversed_on = excluded.reversed_on, reversal_reason = excluded.reversal_reason, source_year = excluded.source_year
      WHERE d.source_year <= excluded.source_year
        AND (d.reversed_on, d.reversal_reason, d.source_year)
            IS DISTINCT FROM (excluded.reversed_on, excluded.reversal_reason, excluded.source_year)
    RETURNING d.child_id`,
  [authority, year, ds.map((d) => d.child), ds.map((d) => d.datePlaced), ds.map((d) => d.datePlacedCeased),
    ds.map((d) => d.reasonPlacedCeased)]);
  return ids(rows);
}
