// The hub's own check of posted extract children: the CLI validated the files, but the endpoint cannot trust
// its caller, and the database must never see a value that would fail a whole batch.
import * as codes from './code-lists';
import type { ExtractChild, ExtractEpisode } from './extract';

/** A posted child refused, by its position in the batch. */
export interface RecordRejection {
  index: number;
  sourceId: string | null;
  reason: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const SOURCE_ID = /^[A-Za-z0-9]{1,10}$/;
const SEXES = new Set(['MALE', 'FEMALE', 'UNKNOWN']);

/** True for a real calendar date in YYYY-MM-DD form. */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !ISO.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Splits posted children into valid ones and rejections (index, source id, every reason found). */
export function validateExtractChildren(input: unknown): { valid: ExtractChild[]; rejected: RecordRejection[] } {
  const valid: ExtractChild[] = [];
  const rejected: RecordRejection[] = [];
  if (!Array.isArray(input)) return { valid, rejected: [{ index: 0, sourceId: null, reason: 'children must be an array' }] };
  const seen = new Set<string>();
  input.forEach((raw, index) => {
    const c = (raw ?? {}) as ExtractChild;
    const sourceId = typeof c.sourceId === 'string' ? c.sourceId : null;
    const reasons = childProblems(c);
    if (sourceId && seen.has(sourceId)) reasons.push(`sourceId ${sourceId} appears twice in the batch`);
    if (reasons.length > 0) rejected.push({ index, sourceId, reason: reasons.join('; ') });
    else { seen.add(sourceId!); valid.push(c); }
  });
  return { valid, rejected };
}

function childProblems(c: ExtractChild): string[] {
  const p: string[] = [];
  if (typeof c !== 'object' || Array.isArray(c)) return ['a child must be an object'];
  if (typeof c.sourceId !== 'string' || !SOURCE_ID.test(c.sourceId)) p.push('sourceId must be 1-10 letters or digits');
  if (c.sex !== null && !SEXES.has(c.sex)) p.push('sex must be MALE, FEMALE, UNKNOWN or null');
  if (c.dateOfBirth !== null && !isIsoDate(c.dateOfBirth)) p.push('dateOfBirth must be YYYY-MM-DD or null');
  if (c.ethnicity !== null && !codes.ETHNIC_CODES.has(c.ethnicity)) p.push('ethnicity is not a 903 ethnicity code');
  if (c.upn !== null && typeof c.upn !== 'string') p.push('upn must be text or null');
  if ((c.sex === null) !== (c.dateOfBirth === null)) p.push('header fields must be all given or all null');
  if (!Array.isArray(c.episodes)) return [...p, 'episodes must be an array'];
  const decoms = new Set<string>();
  c.episodes.forEach((e, i) => {
    for (const problem of episodeProblems(e)) p.push(`episodes[${i}]: ${problem}`);
    if (!e || typeof e !== 'object') return;
    if (decoms.has(e.decom)) p.push(`episodes[${i}]: a second episode starting ${e.decom}`);
    decoms.add(e.decom);
  });
  if (c.ad1 !== undefined && c.ad1 !== null && typeof c.ad1 !== 'object') p.push('ad1 must be an object or null');
  else if (c.ad1 !== undefined && c.ad1 !== null) {
    if (c.ad1.dateInt !== null && !isIsoDate(c.ad1.dateInt)) p.push('ad1.dateInt must be YYYY-MM-DD or null');
    if (c.ad1.dateMatch !== null && !isIsoDate(c.ad1.dateMatch)) p.push('ad1.dateMatch must be YYYY-MM-DD or null');
    if (c.ad1.nbAdoptr !== null && c.ad1.nbAdoptr !== 1 && c.ad1.nbAdoptr !== 2) p.push('ad1.nbAdoptr must be 1, 2 or null');
  }
  if (c.placedAdoption !== undefined && c.placedAdoption !== null && !Array.isArray(c.placedAdoption)) {
    return [...p, 'placedAdoption must be an array'];
  }
  for (const [i, d] of (c.placedAdoption ?? []).entries()) {
    if (!d || typeof d !== 'object') { p.push(`placedAdoption[${i}] must be an object`); continue; }
    if (!isIsoDate(d.datePlaced)) p.push(`placedAdoption[${i}].datePlaced must be YYYY-MM-DD`);
    if (d.datePlacedCeased !== null && !isIsoDate(d.datePlacedCeased)) p.push(`placedAdoption[${i}].datePlacedCeased must be YYYY-MM-DD or null`);
    if (d.reasonPlacedCeased !== null && !codes.REASON_PLACED_CEASED_CODES.has(d.reasonPlacedCeased)) {
      p.push(`placedAdoption[${i}].reasonPlacedCeased must be RD1-RD4 or null`);
    }
  }
  return p;
}

function episodeProblems(e: ExtractEpisode): string[] {
  const p: string[] = [];
  if (!e || typeof e !== 'object') return ['not an object'];
  if (!isIsoDate(e.decom)) p.push('decom must be YYYY-MM-DD');
  if (e.dec !== null && !isIsoDate(e.dec)) p.push('dec must be YYYY-MM-DD or null');
  if (!codes.RNE_CODES.has(e.rne)) p.push('rne is not a 903 RNE code');
  if (!codes.LEGAL_STATUS_CODES.has(e.legalStatus)) p.push('legalStatus is not a 903 LS code');
  if (!codes.PLACE_CODES.has(e.place)) p.push('place is not a 903 PLACE code');
  if (!codes.CIN_CODES.has(e.cin)) p.push('cin is not a 903 CIN code');
  if (e.rec !== null && !codes.REC_CODES.has(e.rec)) p.push('rec is not a 903 REC code');
  return p;
}
