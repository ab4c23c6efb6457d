import { AuthorityRecord } from './demo-records';

/**
 * What to generate for one RAA and its LAs: the figures a generated partnership must show. The demo's plan is ALE's
 * published tables (`ale-plan.ts`); the national plan is drawn at random (`national-plan.ts`). The generators turn a
 * plan into records, so every figure in a plan is reproduced exactly.
 */
export interface RaaPlan {
  raa: AuthorityRecord;
  las: LaPlan[];
  /** Households waiting or in assessment, by stage; APPROVED includes the ones linked to a child. */
  households: { ENQUIRY: number; STAGE_ONE: number; STAGE_TWO: number; APPROVED: number; WITHDRAWN: number };
  /** Support cases: count by LA of residence and type. */
  supportCases: { livesIn: string; type: SupportCaseType; count: number }[];
}

/** Support case types (as in the support_case table). */
export type SupportCaseType = 'ASSESSMENT' | 'UNASSESSED_SUPPORT' | 'DIRECT_CONTACT' | 'LETTERBOX_CONTACT';

/**
 * Where a live child is. MATCHED and PLACED split the MATCHED_PLACED stage: matched but not yet placed (still in
 * active family finding) versus living with the adopters.
 */
export type PipelinePosition = 'UNBORN' | 'EARLY_MONITORING' | 'PARALLEL_PLANNING' | 'ADM_DECISION' | 'FAMILY_FINDING'
  | 'PROGRESS_TO_MATCH' | 'MATCHED' | 'PLACED' | 'PLAN_CHANGED';

/** The positions in the order a child moves through them. */
export const PIPELINE_POSITIONS: readonly PipelinePosition[] = ['UNBORN', 'EARLY_MONITORING', 'PARALLEL_PLANNING',
  'ADM_DECISION', 'FAMILY_FINDING', 'PROGRESS_TO_MATCH', 'MATCHED', 'PLACED', 'PLAN_CHANGED'];

/** The child stage a pipeline position is recorded as. */
export function stageOfPosition(p: PipelinePosition): string {
  return p === 'MATCHED' || p === 'PLACED' ? 'MATCHED_PLACED' : p;
}

/** Adoptions of one LA in one financial year, optionally with the exact day totals the scorecard must show. */
export interface AdoptionYearPlan {
  yearEnding: number;
  count: number;
  /** How many were adopted by their foster carers (A3/A5, moved in before the placement for adoption). */
  fosterCarer: number;
  /** Exact sum of the children's A10 days, when the LA's scorecard is pinned. */
  a10Sum?: number;
  /** Exact sum of the children's A2 days, when pinned. */
  a2Sum?: number;
  /** Of them, children matched before the placement order (A2 = 0). */
  matchedBeforeOrder?: number;
}

/** One LA's share of a plan. */
export interface LaPlan {
  authority: AuthorityRecord;
  /** Postcode districts children and carers of this LA live in. */
  postcodeDistricts: string[];
  /** For each pipeline position, the sizes of its sibling units (1 = a child on its own). */
  pipeline: Partial<Record<PipelinePosition, number[]>>;
  adoptions: AdoptionYearPlan[];
  /** Children looked after on the snapshot day `today` (an open episode), pipeline children included. */
  childrenInCare: number;
  /** Children not on an adoption pathway whose care ended in the year before the snapshot. */
  careLeavers: number;
  /** When set, care leavers make up the LA's children to exactly this number (instead of `careLeavers`). */
  totalChildren?: number;
  /** Adds the sibling-group edge cases (a group to be placed apart; a solo child whose sibling is not in the pipeline). */
  siblingEdgeCases?: boolean;
}
