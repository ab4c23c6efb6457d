// The normalised, JSON-serialisable form of one 903 return: what the CLI sends to the hub and the store writes.
import type { TableName } from './table-recognition';

/** A problem with one value: where it is (file, 1-based line or record number, column) and why. */
export interface ImportIssue {
  file: string;
  table?: TableName;
  /** CSV: the 1-based line of the file (the column header is line 1). XML: the record's 1-based position in its table. */
  row: number;
  column: string | null;
  reason: string;
  childId?: string;
  /** The DfE validator's rule this issue is (Data to Insight's csc-validator-be-903 numbering), when there is one. */
  rule?: string;
}

/** One episode of care: a new one whenever legal status, placement or carer changes. Dates are ISO (YYYY-MM-DD). */
export interface ExtractEpisode {
  decom: string;
  rne: string;
  legalStatus: string;
  cin: string;
  place: string;
  placeProvider: string | null;
  dec: string | null;
  rec: string | null;
  reasonPlaceChange: string | null;
  homePostcode: string | null;
  placementPostcode: string | null;
  urn: string | null;
}

/** The AD1 row of a child adopted in the year. */
export interface ExtractAd1 {
  dateInt: string | null;
  dateMatch: string | null;
  fosterCare: boolean | null;
  nbAdoptr: number | null;
  sexAdoptr: string | null;
  lsAdoptr: string | null;
}

/** A PlacedAdoption (SBPFA) row: the ADM decision, and its reversal if any. */
export interface ExtractPlacedAdoption {
  datePlaced: string;
  datePlacedCeased: string | null;
  reasonPlacedCeased: string | null;
}

/** A child of the return. Header fields are null when the return had no valid header row for the child. */
export interface ExtractChild {
  sourceId: string;
  sex: 'MALE' | 'FEMALE' | 'UNKNOWN' | null;
  dateOfBirth: string | null;
  ethnicity: string | null;
  upn: string | null;
  episodes: ExtractEpisode[];
  ad1?: ExtractAd1;
  placedAdoption?: ExtractPlacedAdoption[];
}

/** How many records were read and how many of them were rejected, per stored kind. */
export interface ExtractCounts {
  childrenRead: number;
  childrenRejected: number;
  episodesRead: number;
  episodesRejected: number;
  otherRowsRead: number;
  otherRowsRejected: number;
}

/** One return, read and validated. */
export interface Ssda903Extract {
  /** The year ending 31 March the return covers (2021 = April 2020 to March 2021); null for an empty return. */
  collectionYear: number | null;
  children: ExtractChild[];
  rejections: ImportIssue[];
  warnings: ImportIssue[];
  counts: ExtractCounts;
}

/** A row of any 903 table, from a CSV line or an XML element, before validation. */
export interface RawRow {
  file: string;
  table: TableName;
  row: number;
  values: Record<string, string>;
}
