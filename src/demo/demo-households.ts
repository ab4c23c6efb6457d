import { NEEDS } from '../domain/codes';
import { ChildUnit } from './demo-children';
import { Day, dayOf, isoOrNull } from './demo-dates';
import { ADOPTER_ETHNICITY_MIX, firstNameFor, lastNameFor, postcodeIn, streetAddress } from './demo-people';
import { HouseholdRecord, MatchRecord, PartnershipData } from './demo-records';
import { RaaPlan } from './partnership-plan';
import { SeededRandom } from './seeded-random';

/** What the household generator of one RAA needs: its plan, where its LAs' families live, and where records go. */
export interface RaaContext {
  rng: SeededRandom;
  plan: RaaPlan;
  today: Day;
  out: PartnershipData;
  socialWorkers: string[];
  seq: { household: number; match: number; supportCase: number };
}

type Level = 'LOW' | 'MEDIUM' | 'HIGH';

/** The dates a household reached: assessment, approval and after (null where not reached). */
interface HouseholdDates {
  enquiry: Day; stage1Start: Day | null; stage1End: Day | null; stage2Start: Day | null; stage2End: Day | null;
  approved: Day | null; matched: Day | null; placed: Day | null; adoptionOrder: Day | null; left: Day | null;
}

// Household types follow 903 AD1's SEX_ADOPTR/LS_ADOPTR: couples of either sex (married, civil partners or not) and single adopters.
const TYPES = { MARRIED_COUPLE_MF: 50, UNMARRIED_COUPLE_MF: 10, MARRIED_COUPLE_FF: 5, CIVIL_PARTNERSHIP_MM: 6, UNMARRIED_COUPLE_MM: 4, CIVIL_PARTNERSHIP_FF: 3, SINGLE_F: 15, SINGLE_M: 3 };
const RELIGIONS = { None: 40, Christian: 35, Muslim: 8, Hindu: 2, Jewish: 2, Sikh: 1, Buddhist: 1 };
const SECOND_LANGUAGES = ['Polish', 'Bengali', 'Yoruba', 'Urdu', 'Portuguese', 'French', 'Romanian', 'Twi', 'Gujarati'];
const HEALTH_NOTES = ['No significant health issues.', 'Type 2 diabetes, well controlled; medical adviser content.', 'History of depression, in remission for several years.', 'Asthma, mild.', 'Hearing impairment in one ear; no impact on parenting.'];
const LEFT_REASONS = ['Decided adoption is not right for them at this time', 'Change in personal circumstances', 'Moved out of the area', 'Pursuing fostering instead', 'Not recommended by the adoption panel'];

/** Assessment dates leading up to approval on `approved`: enquiry, stage one, stage two (about six months). */
function datesUntilApproval(rng: SeededRandom, approved: Day): HouseholdDates {
  const stage2End = approved - rng.int(7, 45);
  const stage2Start = stage2End - rng.int(90, 150);
  const stage1End = stage2Start - rng.int(0, 21);
  const stage1Start = stage1End - rng.int(50, 70);
  return { enquiry: stage1Start - rng.int(14, 120), stage1Start, stage1End, stage2Start, stage2End, approved, matched: null, placed: null, adoptionOrder: null, left: null };
}

/** Dates of a household still in assessment (or only enquiring) on `today`. */
function datesInAssessment(rng: SeededRandom, stage: string, today: Day): HouseholdDates {
  const d = datesUntilApproval(rng, today + 400);
  const none = { ...d, stage1Start: null, stage1End: null, stage2Start: null, stage2End: null, approved: null };
  if (stage === 'ENQUIRY') return { ...none, enquiry: today - rng.int(1, 90) };
  if (stage === 'STAGE_ONE') {
    const stage1Start = today - rng.int(1, 60);
    return { ...none, stage1Start, enquiry: stage1Start - rng.int(14, 120) };
  }
  const stage2Start = today - rng.int(1, 120);
  const stage1End = stage2Start - rng.int(0, 21);
  const stage1Start = stage1End - rng.int(50, 70);
  return { ...none, stage1Start, stage1End, stage2Start, enquiry: stage1Start - rng.int(14, 120) };
}

/** Capacity for each need, at least MEDIUM for the needs in `mustMeet`. */
function needsCapacity(rng: SeededRandom, mustMeet: Set<string>): Record<string, Level> {
  const cap: Record<string, Level> = {};
  for (const n of NEEDS) {
    const level = rng.weighted({ LOW: 5, MEDIUM: 3, HIGH: 1.2 }) as Level;
    cap[n] = mustMeet.has(n) && level === 'LOW' ? rng.pick(['MEDIUM', 'HIGH'] as Level[]) : level;
  }
  return cap;
}

/** Adds a household (and its adopters) at `stage`; a `unit` it is matched with shapes what it is approved for. */
export function addHousehold(ctx: RaaContext, stage: string, dates: HouseholdDates, unit: ChildUnit | null): HouseholdRecord {
  const { rng, today } = ctx;
  ctx.seq.household += 1;
  const type = rng.weighted(TYPES);
  const sexes: ('MALE' | 'FEMALE')[] = type.endsWith('_MF') ? ['FEMALE', 'MALE'] : type.endsWith('MM') ? ['MALE', 'MALE']
    : type.endsWith('FF') ? ['FEMALE', 'FEMALE'] : [type === 'SINGLE_M' ? 'MALE' : 'FEMALE'];
  const ethnicity = rng.weighted(ADOPTER_ETHNICITY_MIX);
  const lastName = lastNameFor(rng, ethnicity);
  const id = rng.uuid();
  // Adopters' ages are drawn at their enquiry, so a family that adopted in 2016 was not a teenager when it applied.
  sexes.forEach((sex, i) => {
    const eth = i === 0 || rng.chance(0.8) ? ethnicity : rng.weighted(ADOPTER_ETHNICITY_MIX);
    ctx.out.adopters.push({
      id: rng.uuid(), householdId: id, position: i + 1, firstName: firstNameFor(rng, sex, eth),
      lastName: i === 0 || rng.chance(0.7) ? lastName : lastNameFor(rng, eth), dateOfBirth: isoOrNull(dates.enquiry - rng.int(28 * 365, 55 * 365))!,
      sex, ethnicity: eth, disability: rng.chance(0.05) ? 'Hearing impairment' : null,
    });
  });
  const las = ctx.plan.las;
  const home = rng.chance(0.85) ? rng.pick(las) : null;
  const at = unit ? unit.m.matched ?? unit.linkedOn ?? today : today;
  const ages = unit ? unit.children.map((c) => (c.dateOfBirth ? Math.max(0, (at - dayOf(c.dateOfBirth)) / 30.44) : 0)) : [];
  const minAge = unit ? Math.max(0, Math.floor(Math.min(...ages)) - rng.int(0, 12)) : rng.pick([0, 0, 6, 12, 24]);
  const maxAge = unit ? Math.ceil(Math.max(...ages)) + rng.int(6, 36) : minAge + rng.int(24, 84);
  const maxChildren = unit ? Math.max(unit.children.length, rng.int(1, 3)) : Number(rng.weighted({ 1: 5, 2: 4, 3: 1 } as Record<string, number>));
  const orientation = type.endsWith('_MF') ? (rng.chance(0.95) ? 'HETEROSEXUAL' : 'BISEXUAL') : type.endsWith('MM') ? 'GAY' : type.endsWith('FF') ? 'LESBIAN'
    : rng.weighted({ HETEROSEXUAL: 8, GAY: 1, LESBIAN: 1, PREFER_NOT_TO_SAY: 1 });
  const h: HouseholdRecord = {
    id, agency: ctx.plan.raa.code, reference: `${ctx.plan.raa.code}-H${String(ctx.seq.household).padStart(5, '0')}`, stage,
    householdType: type.replace(/_(MF|MM|FF)$/, '').replace(/_[MF]$/, ''), ethnicity, religion: rng.weighted(RELIGIONS),
    languages: rng.chance(0.2) ? ['English', rng.pick(SECOND_LANGUAGES)] : ['English'],
    childrenInHome: Number(rng.weighted({ 0: 7, 1: 2, 2: 1 } as Record<string, number>)), socialWorker: rng.pick(ctx.socialWorkers),
    livesIn: home?.authority.code ?? null,
    enquiryOn: isoOrNull(dates.enquiry), stage1StartedOn: isoOrNull(dates.stage1Start), stage1EndedOn: isoOrNull(dates.stage1End),
    stage2StartedOn: isoOrNull(dates.stage2Start), stage2EndedOn: isoOrNull(dates.stage2End), applicationOn: isoOrNull(dates.stage2Start),
    approvedOn: isoOrNull(dates.approved), matchedOn: isoOrNull(dates.matched), placedOn: isoOrNull(dates.placed),
    adoptionOrderOn: isoOrNull(dates.adoptionOrder), leftOn: isoOrNull(dates.left), leftReason: dates.left === null ? null : rng.pick(LEFT_REASONS),
    approvedMinAgeMonths: dates.approved === null ? null : minAge, approvedMaxAgeMonths: dates.approved === null ? null : maxAge,
    ageToleranceMonths: rng.pick([0, 0, 6, 12]), approvedMaxChildren: dates.approved === null ? null : maxChildren,
    approvedSiblings: dates.approved !== null && maxChildren > 1,
    earlyPermanence: dates.approved !== null && (unit?.m.ffa != null || rng.chance(0.25)),
    needsCapacity: dates.approved === null ? {} : needsCapacity(rng, new Set(unit?.children.flatMap((c) => c.needs) ?? [])),
    sexualOrientation: orientation, address: streetAddress(rng),
    postcode: postcodeIn(rng, home ? home.postcodeDistricts : ['RM13', 'IG1', 'E17', 'SS14', 'CM1']),
    healthNotes: rng.pick(HEALTH_NOTES),
  };
  ctx.out.households.push(h);
  return h;
}

/** The link, match, placement or adoption between `unit` and household `h`. */
function addMatch(ctx: RaaContext, unit: ChildUnit, h: HouseholdRecord, status: MatchRecord['status']): void {
  ctx.seq.match += 1;
  const single = unit.children.length === 1;
  ctx.out.matches.push({
    id: ctx.rng.uuid(), authority: ctx.plan.raa.code, sourceId: `${ctx.plan.raa.code}-M${String(ctx.seq.match).padStart(5, '0')}`,
    householdId: h.id, childId: single ? unit.children[0].id : null, siblingGroupId: unit.siblingGroupId,
    status, linkedOn: isoOrNull(unit.linkedOn), matchedOn: status === 'LINKED' ? null : isoOrNull(unit.m.matched),
    placedOn: isoOrNull(unit.m.placed),
    adoptionOrderOn: status === 'ADOPTION_ORDER' ? isoOrNull(unit.m.adoptionOrder) : null, endedOn: null,
  });
}

const UNIT_HOUSEHOLD: Record<string, { stage: string; status: MatchRecord['status'] }> = {
  PROGRESS_TO_MATCH: { stage: 'APPROVED', status: 'LINKED' },
  MATCHED: { stage: 'MATCHED', status: 'MATCHED' },
  PLACED: { stage: 'PLACED', status: 'PLACED' },
  ADOPTED: { stage: 'ADOPTION_ORDER', status: 'ADOPTION_ORDER' },
};

/** The RAA's households: one per linked, matched, placed or adopted unit, then the plan's waiting and withdrawn ones. */
export function generateHouseholds(ctx: RaaContext, units: ChildUnit[]): void {
  const { rng, today, plan } = ctx;
  let linked = 0;
  for (const unit of units) {
    const kind = UNIT_HOUSEHOLD[unit.position];
    if (!kind) continue;
    // Early permanence carers were approved before the child moved in with them.
    const approved = Math.min(unit.linkedOn! - rng.int(30, 600), unit.m.ffa === null ? Infinity : unit.m.ffa - rng.int(10, 100));
    const d = datesUntilApproval(rng, approved);
    const dates = { ...d, matched: kind.status === 'LINKED' ? null : unit.m.matched, placed: unit.m.placed, adoptionOrder: unit.m.adoptionOrder };
    addMatch(ctx, unit, addHousehold(ctx, kind.stage, dates, unit), kind.status);
    if (kind.status === 'LINKED') linked += 1;
  }
  const waiting = plan.households.APPROVED - linked;
  if (waiting < 0) throw new Error(`${plan.raa.code}: more linked units than APPROVED households`);
  for (let i = 0; i < waiting; i++) addHousehold(ctx, 'APPROVED', datesUntilApproval(rng, today - rng.int(10, 800)), null);
  for (const stage of ['ENQUIRY', 'STAGE_ONE', 'STAGE_TWO'] as const) {
    for (let i = 0; i < plan.households[stage]; i++) addHousehold(ctx, stage, datesInAssessment(rng, stage, today), null);
  }
  for (let i = 0; i < plan.households.WITHDRAWN; i++) {
    const left = today - rng.int(10, 700);
    const reached = rng.weighted({ ENQUIRY: 4, STAGE_ONE: 3, STAGE_TWO: 2, APPROVED: 1 });
    const d = reached === 'APPROVED' ? datesUntilApproval(rng, left - rng.int(30, 300)) : datesInAssessment(rng, reached, left);
    addHousehold(ctx, 'WITHDRAWN', { ...d, left }, null);
  }
}
