import { MATCH_POINTS } from './match-scoring-sql';

/** One child of a placing unit, as the policy served it (refused fields are null, so they never reach a sentence). */
export interface UnitMember {
  firstName: string | null;
  ageMonths: number | null;
  stage: string | null;
  needs: string[] | null;
  /** Days since entering care, said in the reverse search (children for a household) where the child's wait breaks ties. */
  daysWaiting?: number | null;
}

/** What a household is approved for, as served (`approvedFor` of the household policy). */
export interface ApprovedForValue {
  minAgeMonths: number | null;
  maxAgeMonths: number | null;
  ageToleranceMonths: number;
  maxChildren: number | null;
  siblingGroups: boolean;
  earlyPermanence: boolean;
}

/** The household's fields reasons may use, as served: null when absent or refused. */
export interface HouseholdFacts {
  approvedFor: ApprovedForValue | null;
  needsCapacity: Record<string, string> | null;
  livesIn: string | null;
  daysWaiting: number | null;
}

/** The hard exclusions the SQL found, and the location flag. */
export interface MatchFlags {
  tooMany: boolean; noSiblings: boolean; tooYoung: boolean; tooOld: boolean; notEarly: boolean; sameAuthority: boolean;
}

/** Sentences for and against one household–unit pairing. */
export interface MatchReasons { reasonsFor: string[]; reasonsAgainst: string[] }

const NEED_NAMES: Record<string, string> = {
  GLOBAL_DEVELOPMENTAL_DELAY: 'global developmental delay', FASD: 'FASD', PHYSICAL_DISABILITY: 'a physical disability',
  LEARNING_DISABILITY: 'a learning disability', ATTACHMENT_DIFFICULTIES: 'attachment difficulties',
  EMOTIONAL_BEHAVIOURAL: 'emotional and behavioural needs', MEDICAL_CONDITION: 'a medical condition',
  UNCERTAIN_DEVELOPMENT: 'uncertain development', PARENTAL_MENTAL_HEALTH_HISTORY: 'a history of parental mental ill health',
  PARENTAL_SUBSTANCE_MISUSE: 'a history of parental substance misuse',
};

const STAGE_PHRASES: Record<string, string> = {
  UNBORN: 'not yet born', EARLY_MONITORING: 'in early monitoring', PARALLEL_PLANNING: 'in parallel planning',
};

/** A need code as words ("FASD", "global developmental delay"); unknown codes are lower-cased. */
export function needName(code: string): string {
  return NEED_NAMES[code] ?? code.toLowerCase().replace(/_/g, ' ');
}

/** An age in months as people say it: "2 years 3 months", "7 months", "4 years". */
export function ageWords(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const ys = y ? `${y} year${y === 1 ? '' : 's'}` : '';
  const ms = m || !y ? `${m} month${m === 1 ? '' : 's'}` : '';
  return [ys, ms].filter(Boolean).join(' ');
}

/** An approved age range: "0–4 years" when both ends are whole years, else "6 months to 5 years"; open-ended "from 2 years". */
export function rangeWords(min: number | null, max: number | null): string {
  const lo = min ?? 0;
  if (max === null) return `from ${ageWords(lo)}`;
  if (lo % 12 === 0 && max % 12 === 0) return `${lo / 12}–${max / 12} years`;
  return `${ageWords(lo)} to ${ageWords(max)}`;
}

function nameOf(m: UnitMember): string {
  return m.firstName ?? 'the child';
}

function listOf(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function ageClause(m: UnitMember): string | null {
  if (m.stage === 'UNBORN' || (m.ageMonths !== null && m.ageMonths < 0)) return `${nameOf(m)} is not yet born`;
  return m.ageMonths === null ? null : `${nameOf(m)} is ${ageWords(m.ageMonths)}`;
}

function ageReasons(members: UnitMember[], a: ApprovedForValue, f: MatchFlags, out: MatchReasons): void {
  const clauses = members.map(ageClause);
  const known = clauses.filter((c): c is string => c !== null);
  const range = rangeWords(a.minAgeMonths, a.maxAgeMonths);
  if (known.length < clauses.length) out.reasonsAgainst.push(`Age not recorded for ${listOf(members.filter((_, i) => clauses[i] === null).map(nameOf))}`);
  if (!known.length) return;
  const ages = `${listOf(known)}`;
  if (f.tooYoung || f.tooOld) {
    const tol = a.ageToleranceMonths ? ` and the ${ageWords(a.ageToleranceMonths)} beyond it the household would consider` : '';
    out.reasonsAgainst.push(`Excluded: approved for ${range}${tol}; ${ages}`);
    return;
  }
  const ageOf = (m: UnitMember) => (m.stage === 'UNBORN' || (m.ageMonths ?? 0) < 0 ? 0 : m.ageMonths);
  const outside = members.filter((m) => {
    const age = ageOf(m);
    return age !== null && (age < (a.minAgeMonths ?? 0) || (a.maxAgeMonths !== null && age > a.maxAgeMonths));
  });
  if (!outside.length) out.reasonsFor.push(`Approved for ${range}; ${ages}`);
  else out.reasonsAgainst.push(`${listOf(outside.map((m) => ageClause(m) as string))}: outside the approved ${range}, but within the ${ageWords(a.ageToleranceMonths)} beyond it the household would consider`);
}

function needReasons(members: UnitMember[], capacity: Record<string, string> | null, out: MatchReasons): void {
  const needs = [...new Set(members.flatMap((m) => m.needs ?? []))].sort();
  if (capacity === null) return;
  for (const need of needs) {
    const level = capacity[need];
    if (level === 'HIGH' || level === 'MEDIUM') out.reasonsFor.push(`Can meet ${needName(need)} at a ${level.toLowerCase()} level`);
    else if (level === 'LOW') out.reasonsAgainst.push(`Can meet ${needName(need)} only at a low level`);
    else out.reasonsAgainst.push(`Has not said it could meet ${needName(need)}`);
  }
}

function siblingReasons(members: UnitMember[], a: ApprovedForValue, f: MatchFlags, out: MatchReasons): void {
  const n = members.length;
  const max = a.maxChildren ?? 1;
  const who = n > 1 ? `${listOf(members.map(nameOf))} are to be placed together` : null;
  const upTo = `approved for ${max === 1 ? '1 child' : `up to ${max} children`}`;
  if (f.tooMany && who) out.reasonsAgainst.push(`Excluded: ${upTo}; ${who}`);
  else if (f.noSiblings && who) out.reasonsAgainst.push(`Excluded: not approved for sibling groups; ${who}`);
  else if (who) out.reasonsFor.push(`${upTo[0].toUpperCase()}${upTo.slice(1)}, siblings included; ${who}`);
  if (!f.tooMany && max > n) {
    const spare = max - n;
    out.reasonsAgainst.push(`Approved for up to ${max} children; this placement would leave ${spare} place${spare === 1 ? '' : 's'} a sibling group may need`);
  }
}

function earlyReasons(members: UnitMember[], a: ApprovedForValue, f: MatchFlags, out: MatchReasons): void {
  const early = members.find((m) => m.stage !== null && m.stage in STAGE_PHRASES);
  if (!early) return;
  const clause = `${nameOf(early)} is ${STAGE_PHRASES[early.stage as string]}`;
  if (f.notEarly) out.reasonsAgainst.push(`Excluded: not dual approved for early permanence; ${clause}`);
  else if (a.earlyPermanence) out.reasonsFor.push(`Dual approved for early permanence (fostering for adoption); ${clause}`);
}

/**
 * The sentences explaining one pairing, built only from values the viewer was served: a field the policy refused
 * is null here, so no sentence can carry it (no date of birth, surname, address or orientation ever appears).
 */
export function matchReasons(members: UnitMember[], h: HouseholdFacts, f: MatchFlags, authorityName: (code: string) => string): MatchReasons {
  const out: MatchReasons = { reasonsFor: [], reasonsAgainst: [] };
  if (h.approvedFor) {
    siblingReasons(members, h.approvedFor, f, out);
    ageReasons(members, h.approvedFor, f, out);
    earlyReasons(members, h.approvedFor, f, out);
  }
  needReasons(members, h.needsCapacity, out);
  if (f.sameAuthority && h.livesIn) {
    const whose = members.length === 1 ? `${nameOf(members[0])}'s` : 'the children\'s';
    out.reasonsAgainst.push(`Lives in ${authorityName(h.livesIn)}, ${whose} own local authority: the birth family may live nearby`);
  }
  if (h.daysWaiting !== null && h.daysWaiting >= WAIT_WORTH_SAYING_DAYS) out.reasonsFor.push(`Has waited ${h.daysWaiting} days since approval`);
  const longest = Math.max(...members.map((m) => m.daysWaiting ?? -1));
  if (longest >= WAIT_WORTH_SAYING_DAYS) {
    const who = members.length === 1 ? nameOf(members[0]) : listOf(members.map(nameOf));
    out.reasonsFor.push(`${who} ${members.length === 1 ? 'has' : 'have'} waited ${longest} days since entering care`);
  }
  // Excluded reasons first: they are what a family finder asking "why not?" needs to see.
  out.reasonsAgainst.sort((x, y) => Number(y.startsWith('Excluded')) - Number(x.startsWith('Excluded')));
  return out;
}

/** Waits shorter than this are not worth a sentence (the wait still breaks ties). */
export const WAIT_WORTH_SAYING_DAYS = 180;

/** The score's points, re-exported for documentation and tests. */
export const POINTS = MATCH_POINTS;
