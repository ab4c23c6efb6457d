// A child as the DfE path sees it while a batch is applied: what is stored, then each record of the batch merged in.
import type { DetailsPatch } from './csc-record';

/** The child fields this path writes. */
export interface ChildDetails {
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  sex: DetailsPatch['sex'];
  ethnicity: string | null;
  upn: string | null;
}

/** Where in the batch a value came from, so a problem found after merging names the right record and field. */
export interface Origin {
  index: number;
  path: string;
}

/** A placement as stored or being built; `decom`/`rne` may be missing until the merged result is checked. */
export interface PlacementState {
  key: string;
  episodeId: string;
  decom: string | null;
  rne: string | null;
  place: string | null;
  postcode: string | null;
  dec: string | null;
  rec: string | null;
  origin?: Origin;
}

/** The adoption block of one social care episode. */
export interface AdoptionState {
  episodeId: string;
  decisionOn: string | null;
  matchedOn: string | null;
  placedOn: string | null;
}

/** An episode from a 903 return (not this path's), kept so a placement starting the same day can absorb it. */
export interface OtherEpisode {
  sourceId: string;
  decom: string;
}

/** One child of the batch. `storedId` is set when the hub held it before the batch. */
export interface ChildState {
  sourceId: string;
  storedId: string | null;
  /** The id the child has after the batch (a child deleted and sent again in one batch gets a new one). */
  id: string;
  /** A deletion in this batch removed the stored child (and all that hangs off it). */
  deleted: boolean;
  /** The child exists after the batch. */
  present: boolean;
  details: ChildDetails;
  needs: string[];
  placementPostcode: string | null;
  placements: Map<string, PlacementState>;
  adoptions: Map<string, AdoptionState>;
  otherEpisodes: OtherEpisode[];
  /** Stored placement keys and adoption episodes, to know what a batch removed. */
  storedPlacementKeys: Set<string>;
  storedAdoptionEpisodes: Set<string>;
  lastIndex: number;
}

/** Details of a child the hub does not hold yet. */
export const EMPTY_DETAILS: ChildDetails = {
  firstName: null, lastName: null, dateOfBirth: null, expectedDateOfBirth: null, sex: null, ethnicity: null, upn: null,
};
