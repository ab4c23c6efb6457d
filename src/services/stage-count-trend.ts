import { Viewer } from '../auth/viewer';
import { Sql } from '../db/sql';
import { badInput } from '../policy/errors';
import { InferenceControl, MIN_GROUP, SuppressionReason } from '../policy/inference-control-policy';
import { SqlParams } from '../policy/sql-params';
import { authorityKeys } from './aggregate-grid';
import { today } from './clock';
import { MAX_QUARTERS } from './quarters';

/** The tracker stages a child's milestone dates can place in time (the others have no date: see TREND_STAGES). */
export const TREND_STAGES = ['ADM_DECISION', 'FAMILY_FINDING', 'MATCHED_PLACED', 'PLAN_CHANGED'] as const;

/** Children of one LA in one stage on one quarter end. */
export interface StageCountPoint {
  authority: string;
  asOf: string;
  stage: string;
  count: number | null;
  suppressed: boolean;
  suppressionReason: SuppressionReason | null;
  inferenceControl: InferenceControl;
}

/**
 * A child's stage on a day, from its milestone dates as the 903 derivation reads them (stageOf in
 * sync/ssda903/milestone-derivation.ts) with only the dates on or before that day: adoption order, else plan changed,
 * else placed for adoption (MATCHED_PLACED), else placement order (FAMILY_FINDING), else the ADM decision. So each
 * stage is a spell [entered, left) and the stage on day d is the spell holding d. Stages without a date (UNBORN,
 * EARLY_MONITORING, PARALLEL_PLANNING, PROGRESS_TO_MATCH) cannot be placed in time and have no points; a child
 * progressing to a match is in FAMILY_FINDING until placed. ADOPTED is not a tracker row (familyFindingSummary).
 */
const SPELLS = `(VALUES
    ('ADM_DECISION', 1, c.decision_on, LEAST(c.placement_order_on, c.placed_on, c.plan_changed_on, c.adoption_order_on)),
    ('FAMILY_FINDING', 2, c.placement_order_on, LEAST(c.placed_on, c.plan_changed_on, c.adoption_order_on)),
    ('MATCHED_PLACED', 3, c.placed_on, LEAST(c.plan_changed_on, c.adoption_order_on)),
    ('PLAN_CHANGED', 4, c.plan_changed_on, c.adoption_order_on)) AS s(stage, stage_order, entered, left_on)`;

/** Quarter ends (ISO) from `from` to `to`, at most MAX_QUARTERS; default the last 8 up to today. */
export function quarterEnds(from?: string | null, to?: string | null): string[] {
  const last = to ?? today();
  if (from && from > last) throw badInput('from must not be after to.');
  const ends: string[] = [];
  let [y, q] = [Number(last.slice(0, 4)), Math.floor((Number(last.slice(5, 7)) - 1) / 3)]; // quarter holding `last`
  const endOf = (yy: number, qq: number): string => new Date(Date.UTC(yy, qq * 3 + 3, 0)).toISOString().slice(0, 10);
  if (endOf(y, q) > last) [y, q] = q === 0 ? [y - 1, 3] : [y, q - 1];
  while (from ? endOf(y, q) >= from : ends.length < 8) {
    ends.unshift(endOf(y, q));
    if (ends.length > MAX_QUARTERS) throw badInput(`The range may hold at most ${MAX_QUARTERS} quarter ends.`);
    [y, q] = q === 0 ? [y - 1, 3] : [y, q - 1];
  }
  return ends;
}

/**
 * Children per LA in scope and stage on each quarter end from `from` to `to` (default: the last 8), from their
 * milestone dates (SPELLS). For a viewer under inference control (STAGE_FLOW_GROUPS, inference-control-policy.ts) the
 * children of a stage are split into groups by the quarter they entered it and the quarter they left it; a point sums
 * the groups that entered on or before its quarter and left after it, and is shown only when each of them is 0 or at
 * least 5. A group is the same whatever range is asked for, so every point, and every difference of points (a flow),
 * is a sum of publishable groups. One statement.
 */
export async function stageCountTrend(sql: Sql, viewer: Viewer, args: { authority?: string | null; from?: string | null; to?: string | null }): Promise<StageCountPoint[]> {
  const scope = authorityKeys(viewer, args.authority);
  const ends = quarterEnds(args.from, args.to);
  if (ends.length === 0) return [];
  const p = new SqlParams();
  const keys = p.add(scope.keys);
  const rows = await sql.query<{ authority: string; as_of: string; stage: string; n: number; small: boolean }>(`
    WITH ends AS (SELECT e::date AS e, date_trunc('quarter', e::date)::date AS q FROM unnest(${p.add(ends)}::text[]) AS e),
    groups AS (
      SELECT c.authority, s.stage, date_trunc('quarter', s.entered)::date AS entered_q,
             date_trunc('quarter', s.left_on)::date AS left_q, count(*)::int AS n
        FROM child c CROSS JOIN LATERAL ${SPELLS}
       WHERE c.authority = ANY(${keys}::text[]) AND s.entered IS NOT NULL AND (s.left_on IS NULL OR s.left_on > s.entered)
       GROUP BY 1, 2, 3, 4
    )
    SELECT k.key AS authority, to_char(e.e, 'YYYY-MM-DD') AS as_of, st.stage,
           COALESCE(sum(g.n), 0)::int AS n, COALESCE(bool_or(g.n < ${MIN_GROUP}), false) AS small
      FROM unnest(${keys}::text[]) WITH ORDINALITY AS k(key, key_order)
     CROSS JOIN ends e
     CROSS JOIN unnest(${p.add(TREND_STAGES)}::text[]) WITH ORDINALITY AS st(stage, stage_order)
      LEFT JOIN groups g ON g.authority = k.key AND g.stage = st.stage AND g.entered_q <= e.q AND (g.left_q IS NULL OR g.left_q > e.q)
     GROUP BY k.key, k.key_order, e.e, st.stage, st.stage_order
     ORDER BY k.key_order, e.e, st.stage_order`, p.values);
  return rows.map((r) => {
    const controlled = scope.suppressed.includes(r.authority);
    const hidden = controlled && r.small;
    return {
      authority: r.authority, asOf: r.as_of, stage: r.stage, count: hidden ? null : r.n, suppressed: hidden,
      suppressionReason: hidden ? 'SMALL_GROUP_IN_A_FLOW' : null, inferenceControl: controlled ? 'STAGE_FLOW_GROUPS' : 'NONE',
    };
  });
}
