// Validates one DfE children's social care API payload and keeps what the hub needs (docs/dfe-csc-api.md, "What the
// hub keeps"). Everything else is checked for shape only and discarded.
import { ETHNIC_CODES, PLACE_CODES, REC_CODES, RNE_CODES } from '../ssda903/code-lists';
import type { AdoptionPatch, CscRecord, DetailsPatch, EpisodePatch, PlacementPatch } from './csc-record';
import { DISABILITY_CODES, needsForDisabilities } from './disability-needs';
import { checkDiscardedChildBlocks, checkDiscardedEpisodeBlocks } from './discarded-blocks';
import { FieldReader, isObject, type Json } from './field-reader';

const SEX: Record<string, DetailsPatch['sex']> = { M: 'MALE', F: 'FEMALE', U: 'UNKNOWN' };
const POSTCODE = /^[A-Z0-9][A-Z0-9 ]{1,7}$/i;
const UPN = /^[A-Z0-9]{13}$/i;

/** The record, or the problems that make it invalid (`path: reason`, nothing written for it). */
export interface RecordReading {
  record: CscRecord | null;
  problems: string[];
}

/** Reads one child payload (already unwrapped from any `{"la_code", "Children"}` wrapper). */
export function readRecord(raw: unknown): RecordReading {
  const problems: string[] = [];
  if (!isObject(raw)) return { record: null, problems: ['record: must be a JSON object (one child payload)'] };
  const r = new FieldReader(raw, '', problems);
  const sourceId = r.string('la_child_id', 100);
  if (sourceId === undefined && !r.has('la_child_id')) r.fail('la_child_id', 'required');
  else if (sourceId === null) r.fail('la_child_id', 'must not be empty');
  r.string('mis_child_id', 100);
  if (r.purge()) {
    return { record: problems.length || !sourceId ? null : { kind: 'delete', sourceId }, problems };
  }
  const detailsObj = r.object('child_details');
  if (!detailsObj) r.fail('child_details', 'required unless the record is a deletion (purge: true)');
  const details = detailsObj ? readDetails(r.at(detailsObj, 'child_details')) : {};
  const detailsPurge = detailsObj ? new FieldReader(detailsObj, '', []).purge() : false;
  checkDiscardedChildBlocks(r);
  const episodes = readEpisodes(r);
  if (problems.length || !sourceId) return { record: null, problems };
  return { record: { kind: 'upsert', sourceId, details, detailsPurge, episodes }, problems };
}

function readDetails(d: FieldReader): DetailsPatch {
  const out: DetailsPatch = {};
  const set = <K extends keyof DetailsPatch>(k: K, v: DetailsPatch[K] | undefined) => { if (v !== undefined) out[k] = v; };
  set('firstName', d.string('first_name'));
  set('lastName', d.string('surname'));
  const dob = d.date('date_of_birth');
  if (dob && dob > new Date().toISOString().slice(0, 10)) d.fail('date_of_birth', 'in the future (use expected_date_of_birth for an unborn child)');
  else set('dateOfBirth', dob);
  set('expectedDateOfBirth', d.date('expected_date_of_birth'));
  const sex = d.code('sex', new Set(Object.keys(SEX)), 'sex (M, F or U)');
  set('sex', sex === undefined ? undefined : sex === null ? null : SEX[sex]);
  set('ethnicity', d.code('ethnicity', ETHNIC_CODES, 'DfE ethnicity'));
  const upn = d.string('unique_pupil_number', 13);
  if (upn && !UPN.test(upn)) d.fail('unique_pupil_number', 'must be 13 letters or digits');
  else set('upn', upn === undefined || upn === null ? upn : upn.toUpperCase());
  d.string('former_unique_pupil_number', 13);
  d.string('unique_pupil_number_unknown_reason', 10);
  const postcode = d.string('postcode', 8);
  if (postcode && !POSTCODE.test(postcode)) d.fail('postcode', 'not a postcode');
  d.boolean('uasc_flag');
  d.date('uasc_end_date');
  const disabilities = d.list('disabilities');
  if (disabilities) {
    const codes: string[] = [];
    disabilities.forEach((v, i) => {
      const c = typeof v === 'string' ? v.trim().toUpperCase() : null;
      if (c && DISABILITY_CODES.has(c)) codes.push(c);
      else d.fail(`disabilities.${i}`, `not a known disability code (${[...DISABILITY_CODES].join(', ')})`);
    });
    out.disabilityNeeds = needsForDisabilities(codes);
  }
  return out;
}

function readEpisodes(r: FieldReader): EpisodePatch[] {
  const list = r.list('social_care_episodes') ?? [];
  const episodes: EpisodePatch[] = [];
  list.forEach((item, i) => {
    if (!isObject(item)) { r.fail(`social_care_episodes.${i}`, 'must be an object'); return; }
    const e = r.at(item, `social_care_episodes.${i}`);
    const episodeId = e.string('social_care_episode_id', 100) ?? '';
    e.date('referral_date'); e.string('referral_source'); e.boolean('referral_no_further_action_flag');
    e.date('closure_date'); e.string('closure_reason');
    checkDiscardedEpisodeBlocks(e);
    const placements = (e.list('child_looked_after_placements') ?? []).flatMap((p, j) => {
      if (!isObject(p)) { e.fail(`child_looked_after_placements.${j}`, 'must be an object'); return []; }
      return [readPlacement(e.at(p, `child_looked_after_placements.${j}`))];
    });
    const adoptionObj = e.object('adoption');
    const episode: EpisodePatch = { episodeId, purge: e.purge(), placements };
    if (adoptionObj !== undefined) episode.adoption = adoptionObj === null ? null : readAdoption(e.at(adoptionObj, 'adoption'));
    episodes.push(episode);
  });
  return episodes;
}

function readPlacement(p: FieldReader): PlacementPatch {
  const out: PlacementPatch = { id: p.string('child_looked_after_placement_id', 100) ?? null, purge: p.purge() };
  const set = <K extends keyof PlacementPatch>(k: K, v: PlacementPatch[K] | undefined) => { if (v !== undefined) out[k] = v; };
  set('decom', p.date('start_date'));
  set('rne', p.code('start_reason', RNE_CODES, '903 RNE (reason for new episode)'));
  set('place', p.code('placement_type', PLACE_CODES, '903 PLACE (placement type)'));
  const postcode = p.string('postcode', 8);
  if (postcode && !POSTCODE.test(postcode)) p.fail('postcode', 'not a postcode');
  else set('postcode', postcode === undefined || postcode === null ? postcode : postcode.toUpperCase());
  set('dec', p.date('end_date'));
  set('rec', p.code('end_reason', REC_CODES, '903 REC (reason episode ceased)'));
  p.string('change_reason', 20);
  return out;
}

function readAdoption(a: FieldReader): AdoptionPatch {
  const out: AdoptionPatch = { purge: a.purge() };
  const decision = a.date('initial_decision_date');
  const matched = a.date('matched_date');
  const placed = a.date('placed_date');
  if (decision !== undefined) out.decisionOn = decision;
  if (matched !== undefined) out.matchedOn = matched;
  if (placed !== undefined) out.placedOn = placed;
  return out;
}

/** For callers that already hold a parsed object. */
export type { Json };
