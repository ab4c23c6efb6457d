/**
 * docs/domain.md, "Figures the demo partnership must reproduce", written out once as published (ALE annual report
 * 2019-20; Barking and Dagenham's corporate parenting report), for every test that holds the demo against them.
 */
export const STAGE_TABLE: Record<string, { NHM: number; BDG: number; HAV: number; TWH: number }> = {
  UNBORN: { NHM: 2, BDG: 0, HAV: 0, TWH: 7 },
  EARLY_MONITORING: { NHM: 10, BDG: 1, HAV: 0, TWH: 2 },
  PARALLEL_PLANNING: { NHM: 1, BDG: 17, HAV: 2, TWH: 21 },
  ADM_DECISION: { NHM: 1, BDG: 1, HAV: 0, TWH: 0 },
  FAMILY_FINDING: { NHM: 6, BDG: 8, HAV: 4, TWH: 19 },
  PROGRESS_TO_MATCH: { NHM: 4, BDG: 4, HAV: 0, TWH: 6 },
  MATCHED_PLACED: { NHM: 14, BDG: 21, HAV: 6, TWH: 1 },
  PLAN_CHANGED: { NHM: 1, BDG: 0, HAV: 2, TWH: 4 },
};
export const STAGE_TOTALS = { NHM: 39, BDG: 52, HAV: 14, TWH: 60 };

/** Adopter households by stage, RAA-wide. */
export const HOUSEHOLD_STAGES = { ENQUIRY: 21, STAGE_ONE: 17, STAGE_TWO: 9, APPROVED: 19, PLACED: 18 };

/** Adoption support cases by LA of residence. */
export const SUPPORT_TABLE: Record<string, { TWH: number; HAV: number; NHM: number; BDG: number }> = {
  ASSESSMENT: { TWH: 32, HAV: 20, NHM: 19, BDG: 7 },
  UNASSESSED_SUPPORT: { TWH: 11, HAV: 19, NHM: 8, BDG: 15 },
  DIRECT_CONTACT: { TWH: 22, HAV: 1, NHM: 28, BDG: 33 },
};

/** Children in active family finding by sibling need: solo, with one sibling (17 pairs), with two (2 groups of three). */
export const SIBLING_NEEDS = { solo: 30, pair: 34, three: 6 };

/** Barking and Dagenham's three-year A10 and A2 averages (days), by year ending 31 March. */
export const BDG_SCORECARD: Record<number, { a10Days: number; a2Days: number }> = {
  2019: { a10Days: 642, a2Days: 394 },
  2020: { a10Days: 465, a2Days: 246 },
  2021: { a10Days: 503, a2Days: 218 },
};
