// Validation of one row of each stored 903 table into its normalised form. A row with any bad value is rejected
// whole (its issues say which columns and why); values the hub can do without (postcodes) only warn.
import * as codes from './code-lists';
import type { ExtractAd1, ExtractEpisode, ExtractPlacedAdoption, ImportIssue, RawRow } from './extract';
import { FieldReader } from './field-reader';

/** A validated row: the value when good, and the issues that reject it (empty when good). */
export interface Validated<T> {
  childId: string;
  value: T | null;
  issues: ImportIssue[];
  warnings: ImportIssue[];
}

/** The header fields of a child. */
export interface HeaderValue {
  sex: 'MALE' | 'FEMALE' | 'UNKNOWN';
  dateOfBirth: string;
  ethnicity: string;
  upn: string;
}

// The first character of a UPN is its check letter, from the 23 letters the DfE uses (not I, O or S); then 11 digits
// and a digit or (a temporary UPN) a letter; or UN1-UN5 when unknown (rule 168).
const UPN = /^([A-HJ-NP-RT-Z]\d{11}[0-9A-Z]|UN[1-5])$/i;
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i;
const CHILD_ID = /^[A-Za-z0-9]{1,10}$/;
const SEXES: Record<string, HeaderValue['sex']> = { '1': 'MALE', M: 'MALE', '2': 'FEMALE', F: 'FEMALE', U: 'UNKNOWN' };
const MOTHER_CODES = new Set(['0', '1']);

function finish<T>(r: FieldReader, build: () => T): Validated<T> {
  const childId = r.childId;
  if (childId === '') r.fail('CHILD', 'CHILD is required but blank');
  else if (!CHILD_ID.test(childId)) r.fail('CHILD', `CHILD "${childId}" is not an identifier of up to 10 letters or digits`);
  const value = r.issues.length === 0 ? build() : null;
  return { childId, value, issues: r.issues, warnings: r.warnings };
}

/** A Header row: sex, date of birth, ethnicity and UPN, all required. */
export function validateHeader(raw: RawRow): Validated<HeaderValue> {
  const r = new FieldReader(raw);
  const sex = r.code('SEX', codes.SEX_CODES, true);
  const dateOfBirth = r.date('DOB', true);
  const ethnicity = r.code('ETHNIC', codes.ETHNIC_CODES, true);
  const upn = r.pattern('UPN', UPN, true, 'a 13-character UPN starting with a check letter (not I, O or S), or UN1-UN5', '168');
  r.code('MOTHER', MOTHER_CODES, false, '165');
  r.date('MC_DOB', false);
  // MOTHER is not stored: its other conditions (a girl in care must have it, a boy must not) are judged across the
  // Header, Episodes and OC3 tables in year-checks.ts and only warn (rule 165).
  // UASC comes inside the XML Header (the CSV return has its own UASC table); the hub does not store it (rule 105).
  if (r.has('UASC')) {
    const uasc = r.raw('UASC');
    if (uasc !== '0' && uasc !== '1') {
      r.warn('UASC', `UASC ${uasc === '' ? 'is blank' : `"${uasc}" is not 0 or 1`}; the DfE's validator rejects the record (rule 105); the hub keeps it and does not store UASC`, '105');
    }
  }
  return finish(r, () => ({ sex: SEXES[sex!], dateOfBirth: dateOfBirth!, ethnicity: ethnicity!, upn: upn! }));
}

/**
 * An Episodes row. An invalid value rejects it: a bad code, DEC before DECOM, legal status D1 (freeing order) on an
 * episode starting after 2005 (rule 445). Where the DfE refuses a combination and the hub can tell which value is
 * wrong and do without it, that value is dropped with a warning and the episode kept (rule 148: a REC without a DEC;
 * rule 178: a placement provider on a placement type that has none). A DEC without a REC is kept with a warning.
 */
export function validateEpisode(raw: RawRow): Validated<ExtractEpisode> {
  const r = new FieldReader(raw);
  const decom = r.date('DECOM', true);
  const rne = r.code('RNE', codes.RNE_CODES, true, '143');
  const legalStatus = r.code('LS', codes.LEGAL_STATUS_CODES, true);
  const cin = r.code('CIN', codes.CIN_CODES, true);
  const place = r.code('PLACE', codes.PLACE_CODES, true);
  let placeProvider = r.code('PLACE_PROVIDER', codes.PLACE_PROVIDER_CODES, false, '178');
  const dec = r.date('DEC', false);
  let rec = r.code('REC', codes.REC_CODES, false);
  const reasonPlaceChange = r.code('REASON_PLACE_CHANGE', codes.REASON_PLACE_CHANGE_CODES, false);
  const homePostcode = r.optionalPattern('HOME_POST', POSTCODE, 'a postcode');
  const placementPostcode = r.optionalPattern('PL_POST', POSTCODE, 'a postcode');
  const urn = r.text('URN', false);
  if (decom && dec && dec < decom) r.fail('DEC', `DEC ${dec} is before DECOM ${decom}`);
  if (legalStatus === 'D1' && decom && decom > codes.LAST_FREEING_ORDER_DECOM) {
    r.fail('LS', `LS D1 (freeing order) is not valid for an episode starting after December 2005 (DECOM ${decom}; DfE rule 445)`, '445');
  }
  {
    if (placeProvider && place && codes.NO_PROVIDER_PLACEMENTS.has(place)) {
      r.warn('PLACE_PROVIDER', `PLACE_PROVIDER ${placeProvider} is given for placement type ${place}, which has no provider; the DfE's validator rejects the episode (rule 178); the hub keeps it without the provider`, '178');
      placeProvider = null;
    }
    if (dec && !rec) r.warn('REC', 'REC is blank although the episode has ended (DEC given); the DfE\'s validator rejects the episode (rule 148); the hub keeps it', '148');
    if (!dec && rec) {
      // A reason for an end that has no date cannot date anything (an adoption order is the DEC of an E11/E12
      // episode): the episode is kept as the open episode its dates say it is, and the REC is not stored.
      r.warn('REC', `REC "${rec}" is given for an episode with no DEC; the DfE's validator rejects the episode (rule 148); the hub keeps it as an open episode without the REC`, '148');
      rec = null;
    }
  }
  return finish(r, () => ({
    decom: decom!, rne: rne!, legalStatus: legalStatus!, cin: cin!, place: place!, placeProvider, dec, rec,
    reasonPlaceChange, homePostcode, placementPostcode, urn,
  }));
}

/** An AD1 row (a child adopted in the year). */
export function validateAd1(raw: RawRow): Validated<ExtractAd1> {
  const r = new FieldReader(raw);
  const dateInt = r.date('DATE_INT', false);
  const dateMatch = r.date('DATE_MATCH', false);
  const fosterCare = r.code('FOSTER_CARE', codes.FOSTER_CARE_CODES, false);
  const nbAdoptr = r.code('NB_ADOPTR', codes.NB_ADOPTR_CODES, false);
  const sexAdoptr = r.code('SEX_ADOPTR', codes.SEX_ADOPTR_CODES, false);
  const lsAdoptr = r.code('LS_ADOPTR', codes.LS_ADOPTR_CODES, false);
  if (dateInt && dateMatch && dateMatch < dateInt) r.warn('DATE_MATCH', 'DATE_MATCH is before DATE_INT (rule 333)');
  return finish(r, () => ({
    dateInt, dateMatch,
    fosterCare: fosterCare === null ? null : fosterCare === '1' || fosterCare === 'TRUE',
    nbAdoptr: nbAdoptr === null ? null : Number(nbAdoptr), sexAdoptr, lsAdoptr,
  }));
}

/** A PlacedAdoption row: a reversal date needs its reason (rule 119). */
export function validatePlacedAdoption(raw: RawRow): Validated<ExtractPlacedAdoption> {
  const r = new FieldReader(raw);
  const datePlaced = r.date('DATE_PLACED', true);
  const datePlacedCeased = r.date('DATE_PLACED_CEASED', false);
  const reasonPlacedCeased = r.code('REASON_PLACED_CEASED', codes.REASON_PLACED_CEASED_CODES, false, '120');
  if (datePlacedCeased && !reasonPlacedCeased && r.issues.length === 0) {
    r.fail('REASON_PLACED_CEASED', 'REASON_PLACED_CEASED is required when DATE_PLACED_CEASED is given (rule 119)');
  }
  if (datePlaced && datePlacedCeased && datePlacedCeased < datePlaced) {
    r.fail('DATE_PLACED_CEASED', 'DATE_PLACED_CEASED is before DATE_PLACED');
  }
  return finish(r, () => ({ datePlaced: datePlaced!, datePlacedCeased, reasonPlacedCeased }));
}
