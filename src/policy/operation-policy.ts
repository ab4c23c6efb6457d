import { Role, ROLES } from '../auth/roles';

const readers: readonly Role[] = ['social_worker', 'family_finder', 'raa_manager', 'integration'];
const aggregateUsers: readonly Role[] = ['social_worker', 'family_finder', 'raa_manager', 'la_analyst'];

/**
 * Which roles may call each top-level query or mutation, decided before any data is read. An operation missing
 * from this table is refused to everyone (default deny), so a new resolver is closed until it is listed here.
 */
export const operationPolicy: Record<string, readonly Role[]> = {
  me: ROLES,
  authorities: ROLES,
  child: readers,
  children: readers,
  siblingGroup: readers,
  adopterHousehold: readers,
  adopterHouseholds: readers,
  accessLog: ['raa_manager', 'auditor'],
  familyFindingSummary: aggregateUsers,
  adopterPipeline: aggregateUsers,
  supportCaseSummary: aggregateUsers,
  scorecard: aggregateUsers,
  childrenInFamilyFindingBreakdown: aggregateUsers,
  approvedAdopterWaits: aggregateUsers,
  enquiriesPerMonth: aggregateUsers,
  matchesPerMonth: aggregateUsers,
  scorecardTrend: aggregateUsers,
  inferenceControlRules: aggregateUsers,
  adopterFunnel: aggregateUsers,
  adopterTimeliness: aggregateUsers,
  adopterIndicators: aggregateUsers,
  householdsLeaving: aggregateUsers,
  stageCountTrend: aggregateUsers,
  matchSuggestions: ['family_finder', 'raa_manager', 'social_worker'],
  childSuggestions: ['family_finder', 'raa_manager'],
  savedSearches: ['family_finder', 'raa_manager', 'social_worker'],
  saveSearch: ['family_finder', 'raa_manager', 'social_worker'],
  deleteSavedSearch: ['family_finder', 'raa_manager', 'social_worker'],
  changes: ['integration'],
  syncChildren: ['integration'],
  syncAdopterHouseholds: ['integration'],
  syncSupportCases: ['integration'],
  syncLinks: ['integration'],
};

/** True when one of the viewer's roles may call `operation`. */
export function mayCall(operation: string, roles: readonly Role[]): boolean {
  const allowed = operationPolicy[operation];
  return allowed !== undefined && roles.some((r) => allowed.includes(r));
}
