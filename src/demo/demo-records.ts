/**
 * The plain records a generated partnership is made of, one per row of the hub's tables (column names in camelCase,
 * dates as ISO strings). `loadPartnership` writes them as they are.
 */
import type { ExtractEpisode } from '../sync/ssda903/extract';

/** A row of `authority`. */
export interface AuthorityRecord {
  code: string;
  name: string;
  kind: 'LOCAL_AUTHORITY' | 'REGIONAL_ADOPTION_AGENCY';
  laNumber: number | null;
  raaCode: string | null;
}

/** A row of `sibling_group`. */
export interface SiblingGroupRecord {
  id: string;
  authority: string;
  sourceId: string;
  placeTogether: boolean;
}

/** A row of `child`. */
export interface ChildRecord {
  id: string;
  authority: string;
  sourceId: string;
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  /** For an unborn baby (stage UNBORN, no date of birth yet): the expected date of delivery. */
  expectedDateOfBirth: string | null;
  sex: 'MALE' | 'FEMALE' | 'UNKNOWN';
  ethnicity: string | null;
  upn: string | null;
  nhsNumber: string | null;
  placementPostcode: string | null;
  needs: string[];
  healthSummary: string | null;
  birthFamilyBackground: string | null;
  contactPlan: string | null;
  socialWorker: string | null;
  siblingGroupId: string | null;
  stage: string | null;
  enteredCareOn: string | null;
  decisionOn: string | null;
  placementOrderOn: string | null;
  fosteringForAdoptionOn: string | null;
  matchedOn: string | null;
  placedOn: string | null;
  movedInOn: string | null;
  adoptionOrderOn: string | null;
  planChangedOn: string | null;
  planChangedReason: string | null;
  sourceYear: number;
}

/** A row of `care_episode`: a 903 episode, with its child, owner, source id and return year. */
export interface EpisodeRecord extends ExtractEpisode {
  childId: string;
  authority: string;
  sourceId: string;
  sourceYear: number;
}

/** A row of `adopter_household`. */
export interface HouseholdRecord {
  id: string;
  agency: string;
  reference: string;
  stage: string;
  householdType: string;
  ethnicity: string;
  religion: string | null;
  languages: string[];
  childrenInHome: number;
  socialWorker: string;
  livesIn: string | null;
  enquiryOn: string | null;
  stage1StartedOn: string | null;
  stage1EndedOn: string | null;
  stage2StartedOn: string | null;
  stage2EndedOn: string | null;
  applicationOn: string | null;
  approvedOn: string | null;
  matchedOn: string | null;
  placedOn: string | null;
  adoptionOrderOn: string | null;
  leftOn: string | null;
  leftReason: string | null;
  approvedMinAgeMonths: number | null;
  approvedMaxAgeMonths: number | null;
  ageToleranceMonths: number;
  approvedMaxChildren: number | null;
  approvedSiblings: boolean;
  earlyPermanence: boolean;
  needsCapacity: Record<string, 'LOW' | 'MEDIUM' | 'HIGH'>;
  sexualOrientation: string | null;
  address: string | null;
  postcode: string | null;
  healthNotes: string | null;
}

/** A row of `adopter`. */
export interface AdopterRecord {
  id: string;
  householdId: string;
  position: number;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: 'MALE' | 'FEMALE';
  ethnicity: string;
  disability: string | null;
}

/** A row of `adoption_match`: a link, match, placement or adoption between a household and a child or group. */
export interface MatchRecord {
  id: string;
  authority: string;
  sourceId: string;
  householdId: string;
  childId: string | null;
  siblingGroupId: string | null;
  status: 'LINKED' | 'MATCHED' | 'PLACED' | 'ADOPTION_ORDER' | 'ENDED';
  linkedOn: string | null;
  matchedOn: string | null;
  placedOn: string | null;
  adoptionOrderOn: string | null;
  endedOn: string | null;
}

/** A row of `support_case`. */
export interface SupportCaseRecord {
  id: string;
  agency: string;
  sourceId: string;
  livesIn: string;
  type: 'ASSESSMENT' | 'UNASSESSED_SUPPORT' | 'DIRECT_CONTACT' | 'LETTERBOX_CONTACT';
  householdId: string | null;
  openedOn: string | null;
  closedOn: string | null;
}

/** A whole partnership (or one RAA's share of it), in the order its rows must be written. */
export interface PartnershipData {
  authorities: AuthorityRecord[];
  siblingGroups: SiblingGroupRecord[];
  children: ChildRecord[];
  episodes: EpisodeRecord[];
  households: HouseholdRecord[];
  adopters: AdopterRecord[];
  matches: MatchRecord[];
  supportCases: SupportCaseRecord[];
}

/** An empty partnership to fill. */
export function emptyPartnership(): PartnershipData {
  return { authorities: [], siblingGroups: [], children: [], episodes: [], households: [], adopters: [], matches: [], supportCases: [] };
}
