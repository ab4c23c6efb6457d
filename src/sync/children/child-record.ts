// A child record as an LA's integration script sends it (syncChildren), and its validation. A field left out keeps
// the stored value; a field sent as null clears it.
import { ETHNICITY_CODES } from '../../domain/codes';
import { PERMANENCE_STAGES, SEXES } from '../../domain/stages';
import {
  checkDate, checkNotFuture, checkOneOf, checkPostcode, checkSourceId, checkText, FieldProblem, latestPastDate, validateEach,
  type SyncRejection,
} from '../sync-batch';

/** The sibling group a child belongs to: the LA's own id for the group, and whether to place them together. */
export interface SiblingGroupRef {
  sourceId: string;
  placeTogether?: boolean | null;
}

/** One child record of a syncChildren batch (the Child type's field names). */
export interface ChildRecord {
  sourceId: string;
  firstName?: string | null;
  lastName?: string | null;
  dateOfBirth?: string | null;
  expectedDateOfBirth?: string | null;
  sex?: string | null;
  ethnicity?: string | null;
  upn?: string | null;
  nhsNumber?: string | null;
  placementPostcode?: string | null;
  stage?: string | null;
  needs?: string[] | null;
  healthSummary?: string | null;
  birthFamilyBackground?: string | null;
  socialWorker?: string | null;
  siblingGroup?: SiblingGroupRef | null;
  enteredCareOn?: string | null;
  decisionOn?: string | null;
  placementOrderOn?: string | null;
  fosteringForAdoptionOn?: string | null;
  matchedOn?: string | null;
  placedOn?: string | null;
  movedInOn?: string | null;
  adoptionOrderOn?: string | null;
  planChangedOn?: string | null;
  deleted?: boolean | null;
}

/** The milestone date fields with their columns, in journey order. */
export const CHILD_DATES: [keyof ChildRecord, string][] = [
  ['enteredCareOn', 'entered_care_on'], ['decisionOn', 'decision_on'], ['placementOrderOn', 'placement_order_on'],
  ['fosteringForAdoptionOn', 'fostering_for_adoption_on'], ['matchedOn', 'matched_on'], ['placedOn', 'placed_on'],
  ['movedInOn', 'moved_in_on'], ['adoptionOrderOn', 'adoption_order_on'], ['planChangedOn', 'plan_changed_on'],
];

/** A checked child: the fields it sent (record keys) and their cleaned values by record key. */
export interface ValidChild {
  sourceId: string;
  deleted: boolean;
  sent: Set<string>;
  values: Record<string, unknown>;
}

const UPN = /^([A-Z]\d{11}[0-9A-Z]|UN([1-9]|10))$/;
const NEED = /^[A-Z][A-Z0-9_]{1,59}$/;

function checkNeeds(needs: string[] | null | undefined): string[] | null | undefined {
  if (needs === null || needs === undefined) return needs;
  const out = needs.map((n) => String(n).trim().toUpperCase().replace(/[\s-]+/g, '_'));
  const bad = out.find((n) => !NEED.test(n));
  if (bad !== undefined) throw new FieldProblem('needs', `"${bad}" is not a need code (letters, digits and _ such as FASD)`);
  if (out.length > 30) throw new FieldProblem('needs', 'holds more than 30 needs');
  return [...new Set(out)];
}

function checkUpn(value: string | null | undefined): string | null | undefined {
  const v = checkText('upn', value, 13);
  if (v && !UPN.test(v.toUpperCase())) throw new FieldProblem('upn', `"${value}" is not a Unique Pupil Number (or UN1-UN10)`);
  return v ? v.toUpperCase() : v;
}

function checkNhsNumber(value: string | null | undefined): string | null | undefined {
  const v = checkText('nhsNumber', value, 20);
  if (!v) return v;
  const digits = v.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) throw new FieldProblem('nhsNumber', 'is not a 10-digit NHS number');
  return digits;
}

/** Checks one record; throws a FieldProblem naming the first wrong field. */
export function checkChild(r: ChildRecord): ValidChild {
  const sourceId = checkSourceId('sourceId', r.sourceId);
  if (r.deleted) return { sourceId, deleted: true, sent: new Set(), values: {} };
  const v: Record<string, unknown> = {
    firstName: checkText('firstName', r.firstName, 100),
    lastName: checkText('lastName', r.lastName, 100),
    dateOfBirth: checkDate('dateOfBirth', r.dateOfBirth),
    expectedDateOfBirth: checkDate('expectedDateOfBirth', r.expectedDateOfBirth),
    sex: checkOneOf('sex', r.sex, SEXES, 'MALE, FEMALE or UNKNOWN'),
    ethnicity: checkOneOf('ethnicity', r.ethnicity?.trim().toUpperCase() ?? r.ethnicity, ETHNICITY_CODES, 'a DfE ethnicity code'),
    upn: checkUpn(r.upn),
    nhsNumber: checkNhsNumber(r.nhsNumber),
    placementPostcode: checkPostcode('placementPostcode', r.placementPostcode),
    stage: checkOneOf('stage', r.stage, PERMANENCE_STAGES, 'a permanence stage'),
    needs: checkNeeds(r.needs),
    healthSummary: checkText('healthSummary', r.healthSummary, 10_000),
    birthFamilyBackground: checkText('birthFamilyBackground', r.birthFamilyBackground, 10_000),
    socialWorker: checkText('socialWorker', r.socialWorker, 200),
  };
  for (const [key] of CHILD_DATES) v[key] = checkDate(key, r[key] as string | null | undefined);
  // Milestones and a birth have happened: a future one is refused (an unborn baby has expectedDateOfBirth instead).
  const latest = latestPastDate();
  for (const [key] of CHILD_DATES) checkNotFuture(key, v[key] as string | null | undefined, latest, 'a milestone date');
  checkNotFuture('dateOfBirth', v.dateOfBirth as string | null | undefined, latest, 'a date of birth (an unborn baby has expectedDateOfBirth)');
  if (r.siblingGroup !== undefined) {
    v.siblingGroup = r.siblingGroup === null ? null : checkSourceId('siblingGroup.sourceId', r.siblingGroup.sourceId);
    v.placeTogether = r.siblingGroup?.placeTogether ?? null;
  }
  const sent = new Set(Object.keys(v).filter((k) => v[k] !== undefined && k !== 'placeTogether'));
  return { sourceId, deleted: false, sent, values: v };
}

/** Validates a batch: good records to write, bad ones rejected with index, sourceId, field and reason. */
export function validateChildRecords(records: readonly ChildRecord[]): { valid: ValidChild[]; rejected: SyncRejection[] } {
  return validateEach(records, (r) => r?.sourceId, checkChild, (c) => c.sourceId);
}
