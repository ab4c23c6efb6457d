import { loadDemoIfEmpty } from '../../src/demo/load-demo-partnership';
import { DEMO_DAYS, demoDatabaseAt } from './demo-at';

describe.each(DEMO_DAYS)('the demo records generated for %s are consistent', (today) => {
  const demo = demoDatabaseAt(today);
  const query = <T>(text: string, params?: unknown[]) => demo().db.query<T>(text, params);
  const count = async (text: string, params?: unknown[]) => (await query<{ n: number }>(text, params))[0].n;

  it('derives every adopted child\'s milestones from its episodes as ssda903.md does', async () => {
    const rows = await query(`
      WITH d AS (
        SELECT c.id, c.entered_care_on, c.placement_order_on, c.placed_on, c.adoption_order_on,
               (SELECT max(decom) FROM care_episode e WHERE e.child_id = c.id AND e.rne = 'S') AS s_start,
               (SELECT min(decom) FROM care_episode e WHERE e.child_id = c.id AND e.legal_status IN ('E1', 'D1')) AS e1_start,
               (SELECT min(decom) FROM care_episode e WHERE e.child_id = c.id AND e.place IN ('A3', 'A4', 'A5', 'A6')) AS a_start,
               (SELECT max(dec) FROM care_episode e WHERE e.child_id = c.id AND e.rec IN ('E11', 'E12')) AS adopted,
               c.moved_in_on,
               -- the carer's first episode: the last start with a new carer (RNE S, P or B) up to the A placement
               (SELECT max(e.decom) FROM care_episode e WHERE e.child_id = c.id AND e.rne IN ('S', 'P', 'B')
                   AND e.decom <= (SELECT min(a.decom) FROM care_episode a WHERE a.child_id = c.id AND a.place IN ('A3', 'A4', 'A5', 'A6'))) AS carer_start
          FROM child c WHERE c.stage = 'ADOPTED')
      SELECT id FROM d WHERE s_start IS DISTINCT FROM entered_care_on OR e1_start IS DISTINCT FROM placement_order_on
         OR a_start IS DISTINCT FROM placed_on OR adopted IS DISTINCT FROM adoption_order_on
         OR carer_start IS DISTINCT FROM moved_in_on`);
    expect(rows).toEqual([]);
  });

  it('chains every period of care with X1 on the day the next episode starts', async () => {
    const rows = await query(`
      SELECT e.id FROM care_episode e
        JOIN LATERAL (SELECT n.decom, n.rne FROM care_episode n WHERE n.child_id = e.child_id AND n.decom > e.decom
                      ORDER BY n.decom LIMIT 1) nx ON true
       WHERE (e.rec = 'X1' AND (e.dec <> nx.decom OR nx.rne = 'S')) OR (e.rec <> 'X1' AND nx.rne <> 'S') OR e.dec IS NULL`);
    expect(rows).toEqual([]);
  });

  it(`has nothing dated after ${today} and milestones in order`, async () => {
    expect(await count(`SELECT count(*)::int AS n FROM care_episode WHERE decom > $1::date OR dec > $1::date OR dec <= decom`, [today])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM child WHERE
      greatest(date_of_birth, entered_care_on, decision_on, placement_order_on, fostering_for_adoption_on, matched_on, placed_on,
               moved_in_on, adoption_order_on, plan_changed_on) > $1::date
      OR date_of_birth > entered_care_on OR entered_care_on > decision_on OR decision_on > placement_order_on
      OR decision_on > matched_on OR matched_on > placed_on OR placed_on >= adoption_order_on OR moved_in_on > placed_on`, [today])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM adopter_household WHERE
      greatest(enquiry_on, stage1_started_on, stage1_ended_on, stage2_started_on, stage2_ended_on, application_on, approved_on,
               matched_on, placed_on, adoption_order_on, left_on) > $1::date
      OR enquiry_on > stage1_started_on OR stage1_started_on > stage1_ended_on OR stage1_ended_on > stage2_started_on
      OR stage2_started_on > stage2_ended_on OR stage2_ended_on > approved_on OR approved_on > matched_on
      OR matched_on > placed_on OR placed_on > adoption_order_on`, [today])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM adoption_match WHERE greatest(linked_on, matched_on, placed_on, ended_on) > $1::date
      OR linked_on > matched_on OR matched_on > placed_on`, [today])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM support_case WHERE opened_on > $1::date OR closed_on > $1::date`, [today])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM adopter WHERE date_of_birth > $1::date`, [today])).toBe(0);
  });

  it(`counts a child in care on ${today} exactly when its latest episode is still open`, async () => {
    const rows = await query<{ authority: string; at_today: number; open: number }>(`
      SELECT authority, count(DISTINCT child_id) FILTER (WHERE decom <= $1::date AND (dec IS NULL OR dec > $1::date))::int AS at_today,
             count(DISTINCT child_id) FILTER (WHERE dec IS NULL)::int AS open
        FROM care_episode GROUP BY 1`, [today]);
    for (const r of rows) expect(r.at_today).toBe(r.open);
    expect(await count(`SELECT count(*)::int AS n FROM child c JOIN care_episode e ON e.child_id = c.id
      WHERE e.dec IS NULL AND (c.stage = 'ADOPTED' OR c.adoption_order_on IS NOT NULL)`)).toBe(0);
  });

  it(`has children in active family finding waiting months to a couple of years on ${today}`, async () => {
    const [w] = await query<{ min: number; median: number; max: number }>(`
      SELECT min(d)::int AS min, percentile_disc(0.5) WITHIN GROUP (ORDER BY d)::int AS median, max(d)::int AS max FROM (
        SELECT COALESCE(matched_on, $1::date) - entered_care_on AS d FROM child
         WHERE stage IN ('ADM_DECISION', 'FAMILY_FINDING', 'PROGRESS_TO_MATCH') OR (stage = 'MATCHED_PLACED' AND placed_on IS NULL)) x`, [today]);
    expect(w.min).toBeGreaterThanOrEqual(60);
    expect(w.median).toBeGreaterThanOrEqual(180);
    expect(w.median).toBeLessThanOrEqual(730);
    expect(w.max).toBeLessThanOrEqual(4 * 365);
  });

  it(`has matches, placements and approved households' waits that are recent on ${today}`, async () => {
    const [c] = await query<{ matched: number; placed: number; recent_matched: number; recent_placed: number }>(`
      SELECT count(*) FILTER (WHERE placed_on IS NULL)::int AS matched, count(*) FILTER (WHERE placed_on IS NOT NULL)::int AS placed,
             count(*) FILTER (WHERE placed_on IS NULL AND matched_on > $1::date - 60)::int AS recent_matched,
             count(*) FILTER (WHERE placed_on > $1::date - 365)::int AS recent_placed
        FROM child WHERE stage = 'MATCHED_PLACED'`, [today]);
    expect(c).toEqual({ matched: 17, placed: 25, recent_matched: 17, recent_placed: 25 });
    const [h] = await query<{ n: number; max: number }>(`SELECT count(*)::int AS n, max($1::date - approved_on)::int AS max
      FROM adopter_household WHERE stage = 'APPROVED'`, [today]);
    expect(h.n).toBe(19);
    expect(h.max).toBeLessThanOrEqual(900);
  });

  it('has adopters aged 21 to 60 when they enquired, and support cases only for families already adopted', async () => {
    expect(await count(`SELECT count(*)::int AS n FROM adopter a JOIN adopter_household h ON h.id = a.household_id
      WHERE age(h.enquiry_on, a.date_of_birth) < interval '21 years' OR age(h.enquiry_on, a.date_of_birth) > interval '60 years'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM support_case s JOIN adopter_household h ON h.id = s.household_id
      WHERE h.adoption_order_on IS NULL OR h.adoption_order_on > s.opened_on`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM support_case WHERE household_id IS NOT NULL`)).toBeGreaterThan(20);
  });

  it('records each child in the latest 903 return it appears in', async () => {
    expect(await count(`SELECT count(*)::int AS n FROM child c
      WHERE c.source_year IS DISTINCT FROM COALESCE((SELECT max(e.source_year) FROM care_episode e WHERE e.child_id = c.id),
        (extract(year FROM $1::date - interval '3 months') + 1)::int)`, [today])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM child
      WHERE stage = 'ADOPTED' AND source_year <> (extract(year FROM adoption_order_on - interval '3 months') + 1)::int`)).toBe(0);
  });

  it(`gives unborn babies an expected date of birth after ${today} and no date of birth`, async () => {
    const [r] = await query<{ n: number; bad: number }>(`SELECT count(*)::int AS n,
      count(*) FILTER (WHERE date_of_birth IS NOT NULL OR expected_date_of_birth IS NULL OR expected_date_of_birth <= $1::date)::int AS bad
      FROM child WHERE stage = 'UNBORN'`, [today]);
    expect(r).toEqual({ n: 9, bad: 0 });
  });

  it('records foster-carer adoptions with a move-in before the A5 placement', async () => {
    expect(await count(`SELECT count(*)::int AS n FROM child
      WHERE authority = 'BDG' AND stage = 'ADOPTED' AND moved_in_on < placed_on`)).toBe(16);
  });

  it('puts placed children with PLACED households and matched ones with MATCHED households', async () => {
    const rows = await query<{ status: string; stage: string; n: number }>(`
      SELECT m.status, h.stage, count(*)::int AS n FROM adoption_match m JOIN adopter_household h ON h.id = m.household_id
       GROUP BY 1, 2 ORDER BY 1, 2`);
    const adopted = await count(`SELECT count(*)::int AS n FROM child WHERE stage = 'ADOPTED'`);
    expect(rows).toEqual([
      { status: 'ADOPTION_ORDER', stage: 'ADOPTION_ORDER', n: adopted },
      { status: 'LINKED', stage: 'APPROVED', n: 10 },
      { status: 'MATCHED', stage: 'MATCHED', n: 12 },
      { status: 'PLACED', stage: 'PLACED', n: 18 },
    ]);
  });

  it('writes change-feed history for every child, household, support case and sibling group', async () => {
    const rows = await query<{ entity: string; missing: number }>(`
      SELECT 'Child' AS entity, count(*)::int AS missing FROM child c WHERE NOT EXISTS (SELECT 1 FROM change_log l WHERE l.entity = 'Child' AND l.entity_id = c.id AND l.authority = c.authority)
      UNION ALL SELECT 'AdopterHousehold', count(*)::int FROM adopter_household h WHERE NOT EXISTS (SELECT 1 FROM change_log l WHERE l.entity = 'AdopterHousehold' AND l.entity_id = h.id)
      UNION ALL SELECT 'SupportCase', count(*)::int FROM support_case s WHERE NOT EXISTS (SELECT 1 FROM change_log l WHERE l.entity = 'SupportCase' AND l.entity_id = s.id)
      UNION ALL SELECT 'SiblingGroup', count(*)::int FROM sibling_group g WHERE NOT EXISTS (SELECT 1 FROM change_log l WHERE l.entity = 'SiblingGroup' AND l.entity_id = g.id)`);
    expect(rows.every((r) => r.missing === 0)).toBe(true);
  });

  // Last: it deletes the children.
  it('loads only once', async () => {
    expect(await loadDemoIfEmpty(demo().db, today)).toBe(false);
    await query(`DELETE FROM child`);
    expect(await loadDemoIfEmpty(demo().db, today)).toBe(false);
  });
});
