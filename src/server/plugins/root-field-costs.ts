// What one call of each root field costs before its selection is counted: the work it makes the database do. A
// cost limit that priced every root field at 1 let one operation alias 2,000 suggestion runs (each scores every
// approved household of an RAA) and hold the pool for seconds; priced as work, such an operation is refused before
// it runs. Relative weights from `npm run bench` (national scale): a suggestion run ~40 ms, an aggregate or a
// scorecard a few ms, a page of records ~1 ms.

/** Root fields that do more than read a page of records, by name; anything else costs DEFAULT_ROOT_FIELD_COST. */
export const ROOT_FIELD_COSTS: Readonly<Record<string, number>> = {
  matchSuggestions: 2_500,
  childSuggestions: 2_500,
  scorecardTrend: 1_000,
  scorecard: 200,
  familyFindingSummary: 200,
  stageCountTrend: 200,
  childrenInFamilyFindingBreakdown: 200,
  supportCaseSummary: 200,
  adopterPipeline: 200,
  approvedAdopterWaits: 200,
  enquiriesPerMonth: 200,
  matchesPerMonth: 200,
  syncChildren: 2_000,
  syncAdopterHouseholds: 2_000,
  syncSupportCases: 2_000,
};

/** A root field not in the table: one statement or a few (a page, a record, the viewer). */
export const DEFAULT_ROOT_FIELD_COST = 20;

/** The cost of one call of root field `name`. */
export function rootFieldCost(name: string): number {
  return ROOT_FIELD_COSTS[name] ?? DEFAULT_ROOT_FIELD_COST;
}
