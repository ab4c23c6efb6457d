/**
 * docs/access-policy.md written out by hand, cell by cell, WITHOUT importing anything from src/policy: the tests
 * compare the code's policy tables and the running hub with this transcript, so a drift between the agreement and
 * the code fails a test instead of passing silently. Edit it only when the agreement itself changes.
 */

/** A cell of the field tables: readable, FORBIDDEN, or readable only late in the child's journey. */
export type Cell = '✓' | '✗' | '✓ only when the child\'s stage is PROGRESS_TO_MATCH or MATCHED_PLACED';
/** The late-journey cell, as the markdown words it. */
export const LATE: Cell = '✓ only when the child\'s stage is PROGRESS_TO_MATCH or MATCHED_PLACED';

/** The doc's viewer columns. Integration clients read "as social_worker (LA client) or family_finder (RAA client)". */
export type DocColumn = 'social_worker' | 'family_finder' | 'raa_manager' | 'la_analyst' | 'auditor';

/** "Fields: what a viewer sees on a reachable record" — Child, one line per row of the markdown table. */
export const CHILD_FIELD_TABLE: { fields: string[]; social_worker: Cell; family_finder: Cell; raa_manager: Cell }[] = [
  {
    // "id, authority, sourceId, firstName, ageMonths, sex, ethnicity, stage, needs, healthSummary, siblingGroup,
    // socialWorker, milestone dates (enteredCareOn ... planChangedOn), daysWaiting"
    fields: ['id', 'authority', 'sourceId', 'firstName', 'ageMonths', 'sex', 'ethnicity', 'stage', 'needs', 'healthSummary',
      'siblingGroup', 'socialWorker',
      // The milestone dates of docs/domain.md / interface.md, enteredCareOn ... planChangedOn. fosteringForAdoptionOn and
      // movedInOn are milestones too (domain.md: fostering-for-adoption placement; the move-in the A10 measure uses).
      'enteredCareOn', 'decisionOn', 'placementOrderOn', 'fosteringForAdoptionOn', 'matchedOn', 'placedOn', 'movedInOn',
      'adoptionOrderOn', 'planChangedOn',
      // The 903's coded reason for planChangedOn (RD1-RD4), read with its date (issue 11).
      'planChangedReason',
      'daysWaiting',
      // Issue 11: the child's links, read with the child (each link within the viewer's own link scope).
      'links'],
    social_worker: '✓', family_finder: '✓', raa_manager: '✓',
  },
  {
    // "lastName, dateOfBirth, upn, nhsNumber, placement address or postcode"
    // expectedDateOfBirth: an unborn baby's "exact date of birth", read as this row (an interpretation).
    fields: ['lastName', 'dateOfBirth', 'expectedDateOfBirth', 'upn', 'nhsNumber', 'placementPostcode'],
    social_worker: '✓', family_finder: '✗', raa_manager: '✗',
  },
  {
    // "birthFamilyBackground | ✓ | ✓ only when ... PROGRESS_TO_MATCH or MATCHED_PLACED | same as family_finder"
    fields: ['birthFamilyBackground'],
    social_worker: '✓', family_finder: LATE, raa_manager: LATE,
  },
];

/** "Adopter household" field table (columns family_finder, raa_manager, social_worker (linked household)). */
export const HOUSEHOLD_FIELD_TABLE: { fields: string[]; family_finder: Cell; raa_manager: Cell; social_worker: Cell }[] = [
  {
    // "id, reference, agency, stage, stage dates, household type, number of adopters, adopters' first names, ethnicity,
    // religion, languages, children already in the home, what they are approved for (ages, siblings, needs at
    // Low/Medium/High, early permanence), social worker"
    fields: ['id', 'reference', 'agency', 'stage',
      'enquiryOn', 'stage1StartedOn', 'stage1EndedOn', 'stage2StartedOn', 'stage2EndedOn', 'applicationOn', 'approvedOn',
      'matchedOn', 'placedOn', 'adoptionOrderOn', 'leftOn',
      'householdType', 'numberOfAdopters', 'adopters', 'ethnicity', 'religion', 'languages', 'childrenInHome',
      'approvedFor', 'needsCapacity', 'socialWorker'],
    family_finder: '✓', raa_manager: '✓', social_worker: '✓',
  },
  {
    // Not named in the table; read as follows (docs/interface.md lists them as household fields):
    // leftReason goes with the stage ("WITHDRAWN (left the process: date and reason)", domain.md); daysWaiting is
    // derived from the stage dates; livesIn is the authority code of the area, not the address or postcode.
    // leftReasonCode is leftReason coded for the ASGLB return (issue 11), so it follows leftReason.
    // links (issue 11): the household's links, each within the viewer's link scope (a social worker: its own children's).
    fields: ['leftReason', 'leftReasonCode', 'daysWaiting', 'livesIn', 'links'],
    family_finder: '✓', raa_manager: '✓', social_worker: '✓',
  },
  {
    // "address, postcode, sexual orientation, health notes | ✗ | ✓ | ✗"
    fields: ['address', 'postcode', 'sexualOrientation', 'healthNotes'],
    family_finder: '✗', raa_manager: '✓', social_worker: '✗',
  },
];

/** The adopters within a household: first names with the first row above, surnames and DOBs with the next. */
export const ADOPTER_FIELD_TABLE: { fields: string[]; family_finder: Cell; raa_manager: Cell; social_worker: Cell }[] = [
  // "adopters' first names" ✓ everywhere; sex is the household type's make-up (903 SEX_ADOPTR), also ✓.
  { fields: ['firstName', 'sex'], family_finder: '✓', raa_manager: '✓', social_worker: '✓' },
  // Each adopter's ethnicity: the household's "ethnicity" cell, per adopter (issue 11: per-adopter ethnicity).
  { fields: ['ethnicity'], family_finder: '✓', raa_manager: '✓', social_worker: '✓' },
  // Each adopter's disability: health information, read as the "health notes" cell is for a linked social worker (✗),
  // and as the surname/DOB row for RAA staff (issue 11: per-adopter disability, ASGLB adopter tab).
  { fields: ['disability'], family_finder: '✓', raa_manager: '✓', social_worker: '✗' },
  // "adopters' surnames and dates of birth | ✓ | ✓ | ✗"
  { fields: ['lastName', 'dateOfBirth'], family_finder: '✓', raa_manager: '✓', social_worker: '✗' },
];

/** "UNBORN to MATCHED_PLACED (not ADOPTED, not PLAN_CHANGED)"; a child with no stage never reaches RAA staff. */
export const RAA_PIPELINE_STAGES = ['UNBORN', 'EARLY_MONITORING', 'PARALLEL_PLANNING', 'ADM_DECISION', 'FAMILY_FINDING',
  'PROGRESS_TO_MATCH', 'MATCHED_PLACED'];

/** The stages at which the late-journey cell reads ✓. */
export const LATE_STAGES = ['PROGRESS_TO_MATCH', 'MATCHED_PLACED'];

/** A viewer of the tests, with the doc column its reads follow (null: no rows of that record at all). */
export interface DocViewer {
  label: string;
  role: 'family_finder' | 'raa_manager' | 'social_worker' | 'la_analyst' | 'integration' | 'auditor';
  org: string;
  orgKind: 'LOCAL_AUTHORITY' | 'REGIONAL_ADOPTION_AGENCY';
  /** Column of the Child and household tables; null means "none" in the Rows table. */
  childColumn: 'social_worker' | 'family_finder' | 'raa_manager' | null;
  householdColumn: 'social_worker' | 'family_finder' | 'raa_manager' | null;
  /** Roles whose Rows cell is "none" for child-level data are refused the operation (interface.md: FORBIDDEN). */
  mayCallChildOperations: boolean;
  /** Same for households; an LA integration client may call them (it is an integration) but reaches no rows. */
  mayCallHouseholdOperations: boolean;
}

/**
 * The Rows table, per viewer: an LA (BDG) and the RAA (ALE) it belongs to. Integration reads "as social_worker (LA
 * client) or family_finder (RAA client)"; households: "RAA client: its RAA's" (so an LA client reaches none), read
 * with the family finder's columns (the table has no integration column).
 */
export const DOC_VIEWERS: DocViewer[] = [
  { label: 'social_worker@BDG', role: 'social_worker', org: 'BDG', orgKind: 'LOCAL_AUTHORITY', childColumn: 'social_worker', householdColumn: 'social_worker', mayCallChildOperations: true, mayCallHouseholdOperations: true },
  { label: 'family_finder@ALE', role: 'family_finder', org: 'ALE', orgKind: 'REGIONAL_ADOPTION_AGENCY', childColumn: 'family_finder', householdColumn: 'family_finder', mayCallChildOperations: true, mayCallHouseholdOperations: true },
  { label: 'raa_manager@ALE', role: 'raa_manager', org: 'ALE', orgKind: 'REGIONAL_ADOPTION_AGENCY', childColumn: 'raa_manager', householdColumn: 'raa_manager', mayCallChildOperations: true, mayCallHouseholdOperations: true },
  { label: 'integration@BDG (LA client)', role: 'integration', org: 'BDG', orgKind: 'LOCAL_AUTHORITY', childColumn: 'social_worker', householdColumn: null, mayCallChildOperations: true, mayCallHouseholdOperations: true },
  { label: 'integration@ALE (RAA client)', role: 'integration', org: 'ALE', orgKind: 'REGIONAL_ADOPTION_AGENCY', childColumn: 'family_finder', householdColumn: 'family_finder', mayCallChildOperations: true, mayCallHouseholdOperations: true },
  { label: 'la_analyst@BDG', role: 'la_analyst', org: 'BDG', orgKind: 'LOCAL_AUTHORITY', childColumn: null, householdColumn: null, mayCallChildOperations: false, mayCallHouseholdOperations: false },
  { label: 'auditor@BDG', role: 'auditor', org: 'BDG', orgKind: 'LOCAL_AUTHORITY', childColumn: null, householdColumn: null, mayCallChildOperations: false, mayCallHouseholdOperations: false },
  { label: 'auditor@ALE', role: 'auditor', org: 'ALE', orgKind: 'REGIONAL_ADOPTION_AGENCY', childColumn: null, householdColumn: null, mayCallChildOperations: false, mayCallHouseholdOperations: false },
];

/** The member LAs of each RAA in the test partnership (tests/support/factories.ts seedAuthorities). */
export const RAA_MEMBERS: Record<string, string[]> = { ALE: ['BDG', 'HAV', 'NHM', 'TWH'], APSE: ['KEN'] };

/** The cell of `table` for `field` in `column`, or undefined when the transcript does not name the field. */
export function cellOf<C extends string>(table: ({ fields: string[] } & Record<C, Cell>)[], field: string, column: C): Cell | undefined {
  return table.find((row) => row.fields.includes(field))?.[column];
}

/** Every field the transcript names. */
export function fieldsOf(table: { fields: string[] }[]): string[] {
  return table.flatMap((row) => row.fields);
}
