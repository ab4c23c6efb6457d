// Files are matched to 903 tables by their columns, as the DfE validator does (csc-validator-be-903
// `lac_validator/config.py`): LAs name their files freely (`2021-header.csv`, `SSDA903_2020_episodes.csv`).

/** The 903 tables (the validator's keys). */
export type TableName =
  | 'Header' | 'Episodes' | 'UASC' | 'Reviews' | 'Missing' | 'OC2' | 'OC3' | 'AD1' | 'PlacedAdoption'
  | 'PrevPerm' | 'SWEpisodes' | 'DoLo';

/** Each table's columns, in the return's order. */
export const TABLE_COLUMNS: Record<TableName, readonly string[]> = {
  Header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  Episodes: ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE',
    'HOME_POST', 'PL_POST', 'URN'],
  UASC: ['CHILD', 'SEX', 'DOB', 'DUC'],
  Reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  Missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  OC2: ['CHILD', 'DOB', 'SDQ_SCORE', 'SDQ_REASON', 'CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK',
    'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
  OC3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  AD1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  PlacedAdoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  PrevPerm: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  SWEpisodes: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
  DoLo: ['CHILD', 'DOB', 'DOLO_START', 'DOLO_END'],
};

/** The tables whose rows the hub stores; the others are read, lightly validated and dropped. */
export const STORED_TABLES: ReadonlySet<TableName> = new Set(['Header', 'Episodes', 'AD1', 'PlacedAdoption']);

/** What a file's columns say it is: the table, and the columns it has beyond that table's. */
export interface Recognition {
  table: TableName;
  extraColumns: string[];
}

/**
 * The table whose columns are all present in `columns`; when several fit (a header file with a stray DUC column
 * also holds all of UASC's), the one with the most columns wins. Null when no table fits.
 */
export function recogniseTable(columns: readonly string[]): Recognition | null {
  const have = new Set(columns);
  let best: TableName | null = null;
  for (const table of Object.keys(TABLE_COLUMNS) as TableName[]) {
    const wanted = TABLE_COLUMNS[table];
    if (!wanted.every((c) => have.has(c))) continue;
    if (!best || wanted.length > TABLE_COLUMNS[best].length) best = table;
  }
  if (!best) return null;
  const known = new Set(TABLE_COLUMNS[best]);
  return { table: best, extraColumns: columns.filter((c) => !known.has(c)) };
}

/** The table's columns missing from a file, to explain why it was not recognised (the closest table). */
export function closestTable(columns: readonly string[]): { table: TableName; missing: string[] } {
  const have = new Set(columns);
  let best: { table: TableName; missing: string[] } | null = null;
  for (const table of Object.keys(TABLE_COLUMNS) as TableName[]) {
    const missing = TABLE_COLUMNS[table].filter((c) => !have.has(c));
    const score = TABLE_COLUMNS[table].length - missing.length;
    if (!best || score > TABLE_COLUMNS[best.table].length - best.missing.length) best = { table, missing };
  }
  return best!;
}
