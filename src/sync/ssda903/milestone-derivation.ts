// A child's adoption milestones and stage, derived from all its stored 903 episodes (merged across returns) and
// its AD1 and PlacedAdoption rows. The rules are docs/ssda903.md's; the walk-back for A10 is docs/scorecard.md's.
import type { PermanenceStage } from '../../domain/stages';
import {
  ADOPTION_ENDINGS, ADOPTION_PLACEMENTS, FFA_PLACEMENTS, PLACEMENT_ORDER_STATUSES, WITH_CURRENT_CARER_PLACEMENTS,
} from './code-lists';
import type { ExtractAd1, ExtractPlacedAdoption } from './extract';

/** The episode fields the derivation reads. */
export interface EpisodeFacts {
  decom: string;
  rne: string;
  legalStatus: string | null;
  place: string | null;
  dec: string | null;
  rec: string | null;
}

/** What the derivation reads: every stored episode of the child, its latest AD1 and its decisions. */
export interface MilestoneInput {
  episodes: readonly EpisodeFacts[];
  ad1?: Pick<ExtractAd1, 'dateInt' | 'dateMatch'> | null;
  placedAdoption?: readonly ExtractPlacedAdoption[];
  /** Dates the LA's case system reported directly (the DfE CSC API adoption block); used where the 903 rows say nothing. */
  reported?: ReportedAdoption | null;
}

/** The adoption dates a DfE children's social care API payload carries (the latest block of the child's episodes). */
export interface ReportedAdoption {
  decisionOn: string | null;
  matchedOn: string | null;
  placedOn: string | null;
}

/** The derived dates (ISO) and stage; null where the data say nothing. */
export interface Milestones {
  enteredCareOn: string | null;
  placementOrderOn: string | null;
  fosteringForAdoptionOn: string | null;
  placedOn: string | null;
  movedInOn: string | null;
  adoptionOrderOn: string | null;
  decisionOn: string | null;
  planChangedOn: string | null;
  planChangedReason: string | null;
  matchedOn: string | null;
  stage: PermanenceStage | null;
}

const SAME_CARER_STARTS = new Set(['L', 'T', 'U']);

/** Splits episodes (any order) into periods of care: a period starts at RNE S and ends at a REC other than X1. */
export function periodsOfCare<E extends EpisodeFacts>(episodes: readonly E[]): E[][] {
  const sorted = [...episodes].sort((a, b) => (a.decom < b.decom ? -1 : a.decom > b.decom ? 1 : 0));
  const periods: E[][] = [];
  let current: E[] | null = null;
  for (const e of sorted) {
    const last = current?.[current.length - 1];
    const ended = last !== undefined && last.rec !== null && last.rec !== 'X1';
    if (!current || e.rne === 'S' || ended) {
      current = [];
      periods.push(current);
    }
    current.push(e);
  }
  return periods;
}

/** Derives the milestones from the child's latest period of care, its AD1 row and its latest ADM decision. */
export function deriveMilestones(input: MilestoneInput): Milestones {
  const periods = periodsOfCare(input.episodes);
  const period = periods[periods.length - 1] ?? [];
  const first = period[0];
  const placedIndex = period.findIndex((e) => e.place !== null && ADOPTION_PLACEMENTS.has(e.place));
  const adoption = period.find((e) => e.rec !== null && ADOPTION_ENDINGS.has(e.rec) && e.dec !== null);
  const decision = latestDecision(input.placedAdoption ?? []);
  const reversed = decision?.datePlacedCeased && decision.reasonPlacedCeased ? decision : null;
  const m: Milestones = {
    enteredCareOn: first && first.rne === 'S' ? first.decom : null,
    placementOrderOn: period.find((e) => e.legalStatus !== null && PLACEMENT_ORDER_STATUSES.has(e.legalStatus))?.decom ?? null,
    fosteringForAdoptionOn: period.find((e) => e.place !== null && FFA_PLACEMENTS.has(e.place))?.decom ?? null,
    placedOn: placedIndex >= 0 ? period[placedIndex].decom : input.reported?.placedOn ?? null,
    movedInOn: placedIndex >= 0 ? movedInWithAdopters(period, placedIndex) : null,
    adoptionOrderOn: adoption?.dec ?? null,
    decisionOn: decision?.datePlaced ?? input.ad1?.dateInt ?? input.reported?.decisionOn ?? null,
    planChangedOn: reversed?.datePlacedCeased ?? null,
    planChangedReason: reversed?.reasonPlacedCeased ?? null,
    matchedOn: input.ad1?.dateMatch ?? input.reported?.matchedOn ?? null,
    stage: null,
  };
  m.stage = stageOf(m);
  return m;
}

/**
 * For a placement with the current foster carers (A3/A5), when the child first moved in with them: walk back over
 * episodes that began with the same carers (RNE L, T, U) to the one that began with that carer (S, P, B).
 */
function movedInWithAdopters(period: readonly EpisodeFacts[], placedIndex: number): string {
  const placed = period[placedIndex];
  if (!WITH_CURRENT_CARER_PLACEMENTS.has(placed.place!)) return placed.decom;
  let i = placedIndex;
  while (i > 0 && SAME_CARER_STARTS.has(period[i].rne)) i -= 1;
  return period[i].decom;
}

function latestDecision(rows: readonly ExtractPlacedAdoption[]): ExtractPlacedAdoption | null {
  let latest: ExtractPlacedAdoption | null = null;
  for (const r of rows) if (!latest || r.datePlaced > latest.datePlaced) latest = r;
  return latest;
}

/** The stage the 903 data imply: the first of these that applies (docs/ssda903.md). */
export function stageOf(m: Milestones): PermanenceStage | null {
  if (m.adoptionOrderOn) return 'ADOPTED';
  if (m.planChangedOn) return 'PLAN_CHANGED';
  if (m.placedOn) return 'MATCHED_PLACED';
  if (m.placementOrderOn) return 'FAMILY_FINDING';
  if (m.decisionOn) return 'ADM_DECISION';
  return null;
}
