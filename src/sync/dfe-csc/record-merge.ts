// Applies a batch's records, in order, to the children as stored: a partial payload changes only what it sends,
// list items are matched by their id, and `purge: true` erases the child or just the block or item it is on.
import { randomUUID } from 'crypto';
import { EMPTY_DETAILS, type ChildState, type PlacementState } from './child-state';
import type { AdoptionPatch, CscRecord, DetailsPatch, EpisodePatch, PlacementPatch } from './csc-record';
import { mergeNeeds } from './disability-needs';

/** A fresh state for a child the hub does not hold. */
export function newChildState(sourceId: string): ChildState {
  return {
    sourceId, storedId: null, id: randomUUID(), deleted: false, present: false, details: { ...EMPTY_DETAILS }, needs: [],
    placementPostcode: null, placements: new Map(), adoptions: new Map(), otherEpisodes: [],
    storedPlacementKeys: new Set(), storedAdoptionEpisodes: new Set(), lastIndex: -1,
  };
}

/** Applies one record (at `index` in the batch) to its child's state; returns problems found while merging. */
export function applyRecord(state: ChildState, record: CscRecord, index: number): string[] {
  state.lastIndex = index;
  if (record.kind === 'delete') {
    if (state.present) eraseChild(state);
    return [];
  }
  if (!state.present) {
    state.present = true;
    // A child deleted earlier in this batch comes back as a new record, as it would in a later batch.
    if (state.deleted) state.id = randomUUID();
  }
  applyDetails(state, record.details, record.detailsPurge);
  const problems: string[] = [];
  record.episodes.forEach((e, i) => applyEpisode(state, e, `social_care_episodes.${i}`, index, problems));
  return problems;
}

function eraseChild(state: ChildState): void {
  if (state.storedId !== null) state.deleted = true;
  state.present = false;
  state.details = { ...EMPTY_DETAILS };
  state.needs = [];
  state.placementPostcode = null;
  state.placements.clear();
  state.adoptions.clear();
  state.otherEpisodes = [];
  state.storedPlacementKeys.clear();
  state.storedAdoptionEpisodes.clear();
}

function applyDetails(state: ChildState, patch: DetailsPatch, purge: boolean): void {
  if (purge) {
    state.details = { ...EMPTY_DETAILS };
    state.needs = mergeNeeds(state.needs, []);
    return;
  }
  const { disabilityNeeds, ...fields } = patch;
  state.details = { ...state.details, ...fields };
  if (disabilityNeeds) state.needs = mergeNeeds(state.needs, disabilityNeeds);
}

function applyEpisode(state: ChildState, e: EpisodePatch, path: string, index: number, problems: string[]): void {
  if (e.purge) {
    for (const [key, p] of state.placements) if (p.episodeId === e.episodeId) state.placements.delete(key);
    state.adoptions.delete(e.episodeId);
    return;
  }
  e.placements.forEach((p, j) => applyPlacement(state, e.episodeId, p, `${path}.child_looked_after_placements.${j}`, index, problems));
  if (e.adoption !== undefined) applyAdoption(state, e.episodeId, e.adoption);
}

function applyPlacement(state: ChildState, episodeId: string, p: PlacementPatch, path: string, index: number, problems: string[]): void {
  const key = p.id ?? (p.decom ? `${state.sourceId}/${p.decom}` : null);
  if (!key) {
    problems.push(`${path}.child_looked_after_placement_id: required (or a start_date) to identify the placement`);
    return;
  }
  if (p.purge) { state.placements.delete(key); return; }
  const current: PlacementState = state.placements.get(key) ?? {
    key, episodeId, decom: null, rne: null, place: null, postcode: null, dec: null, rec: null,
  };
  const next: PlacementState = { ...current, episodeId, origin: { index, path } };
  for (const k of ['decom', 'rne', 'place', 'postcode', 'dec', 'rec'] as const) if (p[k] !== undefined) next[k] = p[k] ?? null;
  state.placements.set(key, next);
}

function applyAdoption(state: ChildState, episodeId: string, a: AdoptionPatch | null): void {
  if (a === null || a.purge) { state.adoptions.delete(episodeId); return; }
  const current = state.adoptions.get(episodeId) ?? { episodeId, decisionOn: null, matchedOn: null, placedOn: null };
  const next = { ...current };
  if (a.decisionOn !== undefined) next.decisionOn = a.decisionOn;
  if (a.matchedOn !== undefined) next.matchedOn = a.matchedOn;
  if (a.placedOn !== undefined) next.placedOn = a.placedOn;
  state.adoptions.set(episodeId, next);
}

/**
 * Checks the merged children: every placement needs a start date and reason (a partial payload may send only what
 * changed, so this is known only after merging), ends no earlier than it starts, and starts on a day no other
 * placement of the child starts. `keyOwners` says which child already holds a placement id. Problems are
 * `[index] path: reason`, the index being the record that last touched the placement or child.
 */
export function checkMergedChildren(children: Iterable<ChildState>, keyOwners: Map<string, string>): string[] {
  const problems: string[] = [];
  const claimed = new Map<string, string>();
  for (const c of children) {
    if (!c.present) continue;
    const starts = new Map<string, string>();
    for (const p of c.placements.values()) {
      const at = p.origin ? `[${p.origin.index}] ${p.origin.path}` : `[${c.lastIndex}] social_care_episodes`;
      if (!p.decom) problems.push(`${at}.start_date: required (the hub holds no start date for this placement)`);
      if (!p.rne) problems.push(`${at}.start_reason: required (the hub holds no start reason for this placement)`);
      if (p.decom && p.dec && p.dec < p.decom) problems.push(`${at}.end_date: before start_date`);
      if (p.decom && starts.has(p.decom)) problems.push(`${at}.start_date: another placement of this child starts on the same day`);
      if (p.decom) starts.set(p.decom, p.key);
      const owner = keyOwners.get(p.key) ?? claimed.get(p.key);
      if (owner !== undefined && owner !== c.sourceId) {
        problems.push(`${at}.child_looked_after_placement_id: already used by another child of this LA`);
      }
      claimed.set(p.key, c.sourceId);
    }
  }
  return problems;
}

/** The postcode of the child's current placement (open, latest start), or of its latest one. */
export function currentPlacementPostcode(c: ChildState): string | null {
  const ps = [...c.placements.values()].filter((p) => p.decom).sort((a, b) => (a.decom! < b.decom! ? 1 : -1));
  if (ps.length === 0) return c.placementPostcode;
  return (ps.find((p) => !p.dec) ?? ps[0]).postcode;
}
