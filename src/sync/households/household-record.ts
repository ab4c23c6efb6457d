// An adopter household record as an RAA's integration script (or `hub import adopters`) sends it, and its
// validation. A field left out keeps the stored value; a field sent as null clears it.
import { ETHNICITY_CODES } from '../../domain/codes';
import { HOUSEHOLD_LEFT_REASONS } from '../../domain/links';
import { ADOPTER_STAGES, NEED_LEVELS, SEXES } from '../../domain/stages';
import {
  checkDate, checkInt, checkOneOf, checkOrder, checkPostcode, checkSourceId, checkText, FieldProblem, validateEach,
  type SyncRejection,
} from '../sync-batch';
import { HOUSEHOLD_DATES, type HouseholdDateKey } from './adopter-stage';

/** One adopter of the household (at most two). */
export interface AdopterRecord {
  firstName?: string | null;
  lastName?: string | null;
  dateOfBirth?: string | null;
  sex?: string | null;
  ethnicity?: string | null;
  disability?: string | null;
}

/** What the household is approved for. */
export interface ApprovedForRecord {
  minAgeMonths?: number | null;
  maxAgeMonths?: number | null;
  ageToleranceMonths?: number | null;
  maxChildren?: number | null;
  siblingGroups?: boolean | null;
  earlyPermanence?: boolean | null;
}

/** One household record of a syncAdopterHouseholds batch (the AdopterHousehold type's field names). */
export type HouseholdRecord = Partial<Record<HouseholdDateKey, string | null>> & {
  reference: string;
  stage?: string | null;
  leftReason?: string | null;
  leftReasonCode?: string | null;
  householdType?: string | null;
  ethnicity?: string | null;
  religion?: string | null;
  languages?: string[] | null;
  childrenInHome?: number | null;
  socialWorker?: string | null;
  livesIn?: string | null;
  adopters?: AdopterRecord[] | null;
  approvedFor?: ApprovedForRecord | null;
  needsCapacity?: { need: string; level: string }[] | null;
  sexualOrientation?: string | null;
  address?: string | null;
  postcode?: string | null;
  healthNotes?: string | null;
  deleted?: boolean | null;
};

/** A checked household: the keys it sent and their cleaned values (adopters and approvedFor flattened). */
export interface ValidHousehold {
  reference: string;
  deleted: boolean;
  sent: Set<string>;
  values: Record<string, unknown>;
}

const ethnicityOf = (field: string, v: string | null | undefined) =>
  checkOneOf(field, v ? v.trim().toUpperCase() : v, ETHNICITY_CODES, 'a DfE ethnicity code');

/** Adopter fields; one the record leaves out keeps the stored value at that position. */
export const ADOPTER_FIELDS = ['firstName', 'lastName', 'dateOfBirth', 'sex', 'ethnicity', 'disability'] as const;

function checkAdopters(list: AdopterRecord[] | null | undefined): AdopterRecord[] | null | undefined {
  if (list === null || list === undefined) return list;
  if (list.length > 2) throw new FieldProblem('adopters', 'holds more than two adopters');
  return list.map((a, i) => ({
    firstName: checkText(`adopters[${i}].firstName`, a.firstName, 100),
    lastName: checkText(`adopters[${i}].lastName`, a.lastName, 100),
    dateOfBirth: checkDate(`adopters[${i}].dateOfBirth`, a.dateOfBirth),
    sex: checkOneOf(`adopters[${i}].sex`, a.sex, SEXES, 'MALE, FEMALE or UNKNOWN'),
    ethnicity: ethnicityOf(`adopters[${i}].ethnicity`, a.ethnicity),
    disability: checkText(`adopters[${i}].disability`, a.disability, 200),
  }));
}

function checkApprovedFor(a: ApprovedForRecord | null | undefined): ApprovedForRecord | null | undefined {
  if (a === null || a === undefined) return a;
  const out = {
    minAgeMonths: checkInt('approvedFor.minAgeMonths', a.minAgeMonths, 0, 216) ?? null,
    maxAgeMonths: checkInt('approvedFor.maxAgeMonths', a.maxAgeMonths, 0, 216) ?? null,
    ageToleranceMonths: checkInt('approvedFor.ageToleranceMonths', a.ageToleranceMonths, 0, 60) ?? null,
    maxChildren: checkInt('approvedFor.maxChildren', a.maxChildren, 1, 10) ?? null,
    siblingGroups: a.siblingGroups ?? null,
    earlyPermanence: a.earlyPermanence ?? null,
  };
  if (out.minAgeMonths !== null && out.maxAgeMonths !== null && out.maxAgeMonths < out.minAgeMonths) {
    throw new FieldProblem('approvedFor.maxAgeMonths', 'is below minAgeMonths');
  }
  return out;
}

function checkNeedsCapacity(list: { need: string; level: string }[] | null | undefined): Record<string, string> | null | undefined {
  if (list === null || list === undefined) return list;
  const out: Record<string, string> = {};
  for (const [i, n] of list.entries()) {
    const need = String(n.need ?? '').trim().toUpperCase().replace(/[\s-]+/g, '_');
    if (!/^[A-Z][A-Z0-9_]{1,59}$/.test(need)) throw new FieldProblem(`needsCapacity[${i}].need`, `"${n.need}" is not a need code`);
    if (need in out) throw new FieldProblem(`needsCapacity[${i}].need`, `lists ${need} twice`);
    out[need] = checkOneOf(`needsCapacity[${i}].level`, n.level, NEED_LEVELS, 'LOW, MEDIUM or HIGH')!;
  }
  return out;
}

/** Checks one record against the known authority codes; throws a FieldProblem naming the first wrong field. */
export function checkHousehold(r: HouseholdRecord, authorities: ReadonlySet<string>): ValidHousehold {
  const reference = checkSourceId('reference', r.reference);
  if (r.deleted) return { reference, deleted: true, sent: new Set(), values: {} };
  const v: Record<string, unknown> = {
    stage: checkOneOf('stage', r.stage ?? undefined, ADOPTER_STAGES, 'an adopter stage'),
    leftReason: checkText('leftReason', r.leftReason, 500),
    leftReasonCode: checkOneOf('leftReasonCode', r.leftReasonCode?.trim().toUpperCase() ?? r.leftReasonCode, HOUSEHOLD_LEFT_REASONS, 'a leaving reason (WITHDREW, ON_HOLD, APPLICATION_REFUSED, APPROVAL_RESCINDED or OTHER)'),
    householdType: checkText('householdType', r.householdType, 100),
    ethnicity: ethnicityOf('ethnicity', r.ethnicity),
    religion: checkText('religion', r.religion, 100),
    languages: r.languages === undefined || r.languages === null ? r.languages
      : [...new Set(r.languages.map((l, i) => checkText(`languages[${i}]`, l, 60)).filter((l): l is string => Boolean(l)))],
    childrenInHome: checkInt('childrenInHome', r.childrenInHome, 0, 20),
    socialWorker: checkText('socialWorker', r.socialWorker, 200),
    livesIn: checkOneOf('livesIn', r.livesIn?.trim().toUpperCase() ?? r.livesIn, [...authorities], 'a known authority code'),
    adopters: checkAdopters(r.adopters),
    approvedFor: checkApprovedFor(r.approvedFor),
    needsCapacity: checkNeedsCapacity(r.needsCapacity),
    sexualOrientation: checkText('sexualOrientation', r.sexualOrientation, 100),
    address: checkText('address', r.address, 500),
    postcode: checkPostcode('postcode', r.postcode),
    healthNotes: checkText('healthNotes', r.healthNotes, 10_000),
  };
  for (const [key] of HOUSEHOLD_DATES) v[key] = checkDate(key, r[key]);
  checkOrder('approvedOn', v.enquiryOn as string, v.approvedOn as string, 'enquiryOn');
  checkOrder('adoptionOrderOn', v.placedOn as string, v.adoptionOrderOn as string, 'placedOn');
  const sent = new Set(Object.keys(v).filter((k) => v[k] !== undefined));
  return { reference, deleted: false, sent, values: v };
}

/** Validates a batch: good records to write, bad ones rejected with index, reference, field and reason. */
export function validateHouseholdRecords(records: readonly HouseholdRecord[], authorities: ReadonlySet<string>): { valid: ValidHousehold[]; rejected: SyncRejection[] } {
  return validateEach(records, (r) => r?.reference, (r) => checkHousehold(r, authorities), (h) => h.reference, 'reference');
}
