import { EARLY_PERMANENCE_STAGES, PermanenceStage } from '../domain/stages';
import { ageMonthsSql } from '../policy/child-policy';
import { SqlParams } from '../policy/sql-params';

/**
 * The points of the matching score (docs/matching.md explains each). One table, so the SQL that ranks and the
 * sentences that explain the rank cannot drift apart.
 */
export const MATCH_POINTS = {
  base: 100,
  ageInsideRange: 20,
  ageWithinTolerance: 5,
  needHigh: 10,
  needMedium: 6,
  needLow: 2,
  needNotListed: -15,
  spareSiblingPlace: -5,
  earlyPermanence: 10,
  livesInChildsAuthority: -5,
} as const;

/** Children still to be placed: an ADM decision may follow, a family is sought, or a link is being progressed. */
export const PLACING_STAGES: readonly PermanenceStage[] = [
  'UNBORN', 'EARLY_MONITORING', 'PARALLEL_PLANNING', 'ADM_DECISION', 'FAMILY_FINDING', 'PROGRESS_TO_MATCH',
];

/** Match statuses that take a household (or a child) out of family finding. */
export const TAKEN_STATUSES = ['MATCHED', 'PLACED'] as const;

/**
 * Age used for matching, in months: 0 for an unborn child (placed as a newborn), whole months otherwise, null when
 * no date of birth is recorded. Reads only what `ageMonths` exposes.
 */
export function matchAgeSql(a: string): string {
  return `CASE WHEN ${a}.stage = 'UNBORN' OR ${a}.date_of_birth > current_date THEN 0 ELSE ${ageMonthsSql(a)} END`;
}

/** True when the child is at an early-permanence stage (needs dual-approved adopters). */
export function earlyStageSql(p: SqlParams, a: string): string {
  return `(${a}.stage = ANY(${p.add(EARLY_PERMANENCE_STAGES)}::text[]))`;
}

/** True when the child (or a sibling group member) is already matched or placed. */
export function childTakenSql(p: SqlParams, a: string): string {
  return `EXISTS (SELECT 1 FROM adoption_match tm WHERE tm.status = ANY(${p.add(TAKEN_STATUSES)}::text[])
    AND (tm.child_id = ${a}.id OR (${a}.sibling_group_id IS NOT NULL AND tm.sibling_group_id = ${a}.sibling_group_id)))`;
}

/** True when the household is already matched with or has a child placed. */
export function householdTakenSql(p: SqlParams, h: string): string {
  return `EXISTS (SELECT 1 FROM adoption_match hm WHERE hm.household_id = ${h}.id AND hm.status = ANY(${p.add(TAKEN_STATUSES)}::text[]))`;
}

/**
 * The columns scoring one household `h` against one placing unit `w` (columns n, min_age, max_age, early, needs,
 * authority): one flag per hard exclusion and the soft score. Hard exclusions are flags, not WHERE terms, so a
 * family finder can ask why a household was left out.
 */
export function scoreColumns(h: string, w: string): string {
  const P = MATCH_POINTS;
  const maxChildren = `COALESCE(${h}.approved_max_children, 1)`;
  const minAge = `COALESCE(${h}.approved_min_age_months, 0)`;
  const inRange = `(${w}.min_age >= ${minAge} AND (${h}.approved_max_age_months IS NULL OR ${w}.max_age <= ${h}.approved_max_age_months))`;
  const needs = `COALESCE((SELECT sum(CASE ${h}.needs_capacity->>nd WHEN 'HIGH' THEN ${P.needHigh} WHEN 'MEDIUM' THEN ${P.needMedium}
      WHEN 'LOW' THEN ${P.needLow} ELSE ${P.needNotListed} END) FROM unnest(${w}.needs) nd), 0)`;
  return `${w}.n > ${maxChildren} AS x_too_many,
    (${w}.n > 1 AND NOT ${h}.approved_siblings) AS x_no_siblings,
    COALESCE(${w}.min_age < ${minAge} - ${h}.age_tolerance_months, false) AS x_too_young,
    COALESCE(${w}.max_age > ${h}.approved_max_age_months + ${h}.age_tolerance_months, false) AS x_too_old,
    (${w}.early AND NOT ${h}.early_permanence) AS x_not_early,
    (${P.base}
      + CASE WHEN ${w}.min_age IS NULL THEN 0 WHEN ${inRange} THEN ${P.ageInsideRange} ELSE ${P.ageWithinTolerance} END
      + ${needs}
      + ${P.spareSiblingPlace} * GREATEST(${maxChildren} - ${w}.n, 0)
      + CASE WHEN ${w}.early AND ${h}.early_permanence THEN ${P.earlyPermanence} ELSE 0 END
      + CASE WHEN ${h}.lives_in = ${w}.authority THEN ${P.livesInChildsAuthority} ELSE 0 END)::int AS score,
    COALESCE(${h}.lives_in = ${w}.authority, false) AS same_authority`;
}

/** True when any hard exclusion flag of `scoreColumns` is set on row `s`. */
export function excludedSql(s: string): string {
  return `(${s}.x_too_many OR ${s}.x_no_siblings OR ${s}.x_too_young OR ${s}.x_too_old OR ${s}.x_not_early)`;
}

/** The hard-exclusion flags and the location flag of one scored pairing. */
export interface MatchFlags { tooMany: boolean; noSiblings: boolean; tooYoung: boolean; tooOld: boolean; notEarly: boolean; sameAuthority: boolean }

/** Selects scored row `s`'s score, flags and exclusion (`excluded` computed by the caller) under the names `scoreOf` reads. */
export function scoreSelectSql(s: string): string {
  return `${s}.score AS "_score", ${s}.x_too_many AS "_tooMany", ${s}.x_no_siblings AS "_noSiblings",
    ${s}.x_too_young AS "_tooYoung", ${s}.x_too_old AS "_tooOld", ${s}.x_not_early AS "_notEarly",
    ${s}.same_authority AS "_sameAuthority", ${s}.excluded AS "_excluded"`;
}

/** Reads back what `scoreSelectSql` selected. */
export function scoreOf(r: Record<string, unknown>): { score: number; excluded: boolean; flags: MatchFlags } {
  return {
    score: Number(r._score),
    excluded: r._excluded === true,
    flags: {
      tooMany: r._tooMany === true, noSiblings: r._noSiblings === true, tooYoung: r._tooYoung === true,
      tooOld: r._tooOld === true, notEarly: r._notEarly === true, sameAuthority: r._sameAuthority === true,
    },
  };
}
