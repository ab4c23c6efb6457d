// The parsed form of one DfE children's social care API payload: only what the hub keeps, with each optional
// field present exactly when the payload sent it (a partial payload updates only what it sends).

/** Child details the hub keeps; an absent key leaves the stored value, a present one (even null) replaces it. */
export interface DetailsPatch {
  firstName?: string | null;
  lastName?: string | null;
  dateOfBirth?: string | null;
  expectedDateOfBirth?: string | null;
  sex?: 'MALE' | 'FEMALE' | 'UNKNOWN' | null;
  ethnicity?: string | null;
  upn?: string | null;
  /** The needs the disabilities map to (docs/dfe-csc-api-endpoint.md); replaces earlier disability needs. */
  disabilityNeeds?: string[];
}

/** One looked-after placement (a hub care episode). `key` is its placement id, or `CHILD/START` without one. */
export interface PlacementPatch {
  id: string | null;
  purge: boolean;
  decom?: string | null;
  rne?: string | null;
  place?: string | null;
  postcode?: string | null;
  dec?: string | null;
  rec?: string | null;
}

/** The adoption block of a social care episode. */
export interface AdoptionPatch {
  purge: boolean;
  decisionOn?: string | null;
  matchedOn?: string | null;
  placedOn?: string | null;
}

/** One social care episode: its placements and adoption block (`null` when sent as null: no adoption). */
export interface EpisodePatch {
  episodeId: string;
  purge: boolean;
  placements: PlacementPatch[];
  adoption?: AdoptionPatch | null;
}

/** A deletion (`purge: true` at the top) or an upsert (full or partial) of one child. */
export type CscRecord =
  | { kind: 'delete'; sourceId: string }
  | { kind: 'upsert'; sourceId: string; details: DetailsPatch; detailsPurge: boolean; episodes: EpisodePatch[] };

/** A record's problems, each `path: reason`; the caller prefixes the record's index. */
export type RecordProblems = string[];
