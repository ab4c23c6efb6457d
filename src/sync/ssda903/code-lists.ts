// The SSDA903 code lists (docs/ssda903.md). Where the public sources disagree across years, every reading is
// accepted: an LA re-sending an old return must not see it rejected for a code that was valid when it was made.

const set = (...codes: string[]): ReadonlySet<string> => new Set(codes);

/** SEX: 1/2 up to 2023-24, M/F/U from 2024-25. */
export const SEX_CODES = set('1', '2', 'M', 'F', 'U');

/** ETHNIC: the 20 DfE ethnicity codes. */
export const ETHNIC_CODES = set(
  'WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH',
  'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT',
);

/** LS: legal status (D1 is legacy, still valid in historic episodes). */
export const LEGAL_STATUS_CODES = set('C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'L1', 'L2', 'L3', 'J1', 'J2', 'J3');

/** PLACE: every year's list, including K3 (and its validator typo k3), H5/P2 (removed 2025-26), Z1 and Z11-Z14. */
export const PLACE_CODES = set(
  'A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'K3', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1',
  'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1', 'Z11', 'Z12', 'Z13', 'Z14',
);

/** PLACE_PROVIDER. */
export const PLACE_PROVIDER_CODES = set('PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5');

/** RNE: reason for new episode. */
export const RNE_CODES = set('S', 'L', 'P', 'T', 'B', 'U');

/** REC: reason episode ceased, with the legacy SGO codes E43/E44. */
export const REC_CODES = set(
  'X1', 'E11', 'E12', 'E2', 'E3', 'E4A', 'E4B', 'E13', 'E41', 'E43', 'E44', 'E45', 'E46', 'E47', 'E48',
  'E5', 'E6', 'E7', 'E8', 'E9', 'E14', 'E15', 'E16', 'E17',
);

/** REASON_PLACE_CHANGE. */
export const REASON_PLACE_CHANGE_CODES = set(
  'CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER',
);

/** CIN: category of need. */
export const CIN_CODES = set('N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8');

/** AD1 codes. FOSTER_CARE also accepts True/False (liia schema). */
export const SEX_ADOPTR_CODES = set('M1', 'F1', 'MM', 'FF', 'MF');
export const LS_ADOPTR_CODES = set('L0', 'L11', 'L12', 'L2', 'L3', 'L4');
export const NB_ADOPTR_CODES = set('1', '2');
export const FOSTER_CARE_CODES = set('0', '1', 'TRUE', 'FALSE');

/** REASON_PLACED_CEASED: why a should-be-placed decision was reversed. */
export const REASON_PLACED_CEASED_CODES = set('RD1', 'RD2', 'RD3', 'RD4');

/** Codes of the tables the hub reads but does not store (validated lightly). */
export const REVIEW_CODES = set('PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7');
export const MISSING_CODES = set('M', 'A');
export const PREV_PERM_CODES = set('P1', 'P2', 'P3', 'P4', 'Z1');
export const IN_TOUCH_CODES = set('YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM');
/**
 * OC3 ACTIV: F3/P3 up to 2020-21, F4/P4/F5/P5 from 2021-22 (liia schema 2022 diff; the validator's rule 132 has the
 * new list). Both are read; which one a return may use is YEAR_BOUNDED_CODES.
 */
export const ACTIV_CODES = set('F1', 'P1', 'F2', 'P2', 'F3', 'P3', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0');

/** OC3 ACCOM: the validator's rule 133 list (no S1, no X1: those are never suitable). */
export const ACCOM_CODES = set(
  'B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'E1', 'E2', 'G1', 'G2', 'H1', 'H2', 'K1', 'K2', 'R1', 'R2', 'S2', 'T1', 'T2',
  'U1', 'U2', 'V1', 'V2', 'W1', 'W2', 'X2', 'Y1', 'Y2', 'Z1', 'Z2', '0',
);

/** Placement types with no placement provider: PLACE_PROVIDER must be blank for them (rule 178). */
export const NO_PROVIDER_PLACEMENTS = set('T0', 'T1', 'T2', 'T3', 'T4', 'Z1');

/** Freeing orders (LS D1) ended with the Adoption and Children Act 2002: no episode starting after 2005 has one (rule 445). */
export const LAST_FREEING_ORDER_DECOM = '2005-12-31';

/** A code that exists only in some collection years (years ending 31 March): valid from `from` and up to `to`. */
export interface YearBoundedCode {
  column: string;
  code: string;
  from?: number;
  to?: number;
  /** The DfE validator's rule for the column's code list. */
  rule: string;
  note: string;
}

/**
 * Codes whose validity depends on the return's collection year (liia-tools' SSDA903 schemas 2017, 2019 and 2022;
 * the validator's 2022-23 lists): the SGO codes E45-E48 and the placement change reason CUSTOD came with the 2019
 * schema (replacing E43/E44), and OC3 activity F3/P3 gave way to F4/P4/F5/P5 in 2022.
 */
export const YEAR_BOUNDED_CODES: readonly YearBoundedCode[] = [
  ...['E45', 'E46', 'E47', 'E48'].map((code) => ({ column: 'REC', code, from: 2019, rule: '149', note: 'the SGO codes E45-E48 replaced E43/E44 from the 2018-19 return' })),
  ...['E43', 'E44'].map((code) => ({ column: 'REC', code, to: 2018, rule: '149', note: 'E43/E44 were replaced by E45-E48 from the 2018-19 return' })),
  { column: 'REASON_PLACE_CHANGE', code: 'CUSTOD', from: 2019, rule: '1009', note: 'CUSTOD exists from the 2018-19 return' },
  ...['F3', 'P3'].map((code) => ({ column: 'ACTIV', code, to: 2021, rule: '132', note: 'F3/P3 were replaced by F4/P4/F5/P5 from the 2021-22 return' })),
  ...['F4', 'P4', 'F5', 'P5'].map((code) => ({ column: 'ACTIV', code, from: 2022, rule: '132', note: 'F4/P4/F5/P5 exist from the 2021-22 return' })),
];

/** The bound a code breaks in `year`, or undefined when it is valid then (or not year-bounded). */
export function yearBoundBroken(column: string, code: string | null, year: number): YearBoundedCode | undefined {
  if (!code) return undefined;
  return YEAR_BOUNDED_CODES.find((b) => b.column === column && b.code === code
    && ((b.from !== undefined && year < b.from) || (b.to !== undefined && year > b.to)));
}
export const SW_REASON_CODES = set(
  'MANAGE', 'FCONTA', 'LEFTRL', 'ORGRST', 'TSPROC', 'ABSENC', 'CHCHAN', 'PCCHAN', 'SWDIED', 'OTHERS',
);

/** Placement types that mean "placed for adoption". */
export const ADOPTION_PLACEMENTS = set('A3', 'A4', 'A5', 'A6');
/** Placements for adoption with the child's current foster carers (the A10 walk-back applies). */
export const WITH_CURRENT_CARER_PLACEMENTS = set('A3', 'A5');
/** Fostering for adoption / concurrent planning placements. */
export const FFA_PLACEMENTS = set('U2', 'U5');
/** Legal statuses that give the court's authority to place for adoption. */
export const PLACEMENT_ORDER_STATUSES = set('E1', 'D1');
/** Episode endings that are an adoption order. */
export const ADOPTION_ENDINGS = set('E11', 'E12');

/** Upper-cases a code so `k3` (the validator's typo) and `k3`-style entries compare equal to the list. */
export function normaliseCode(value: string): string {
  return value.trim().toUpperCase();
}
