import { adoptionDays, adoptionMilestones } from './demo-adoptions';
import { backgroundFor, ChildProfile, needsFor, profileFor } from './demo-child-profile';
import { collectionYearOf, Day, isoOf, isoOrNull } from './demo-dates';
import { CarePeriod, episodesOf, PlacementArea } from './demo-episodes';
import { adoptionPathwayPeriod, Milestones, noMilestones, ordinaryCarePeriods } from './demo-journeys';
import { CHILD_ETHNICITY_MIX, firstNameFor, lastNameFor, nhsNumberFor, postcodeIn, upnFor } from './demo-people';
import { pipelineDates, youngestAgeYears } from './demo-pipeline';
import { ChildRecord, PartnershipData, SiblingGroupRecord } from './demo-records';
import { LaPlan, PIPELINE_POSITIONS, PipelinePosition, stageOfPosition } from './partnership-plan';
import { SeededRandom } from './seeded-random';

/** Everything the child generators of one LA share: its plan, the snapshot day and where records go. */
export interface LaContext {
  rng: SeededRandom;
  plan: LaPlan;
  today: Day;
  out: PartnershipData;
  socialWorkers: string[];
  area: PlacementArea;
  /** Average days between changes of placement or legal status for children not on an adoption pathway. */
  meanEpisodeDays: number;
  seq: { child: number; group: number };
}

/** Children placed, matched, linked or adopted together: what a household and an adoption_match row refer to. */
export interface ChildUnit {
  position: PipelinePosition | 'ADOPTED';
  children: ChildRecord[];
  siblingGroupId: string | null;
  m: Milestones;
  linkedOn: Day | null;
}

interface NewChild {
  stage: string | null;
  dob: Day | null;
  expectedDob?: Day;
  sex: 'MALE' | 'FEMALE' | 'UNKNOWN';
  ethnicity: string;
  lastName: string;
  socialWorker: string;
  m: Milestones;
  siblingGroupId: string | null;
  profile: ChildProfile;
  planChangedReason: string | null;
  periods: CarePeriod[];
}

/** Writes one child and its episodes into the context's output. */
function addChild(ctx: LaContext, c: NewChild): ChildRecord {
  const { rng, plan, today } = ctx;
  const la = plan.authority;
  ctx.seq.child += 1;
  const id = rng.uuid();
  const sourceId = `${la.laNumber}${String(ctx.seq.child).padStart(5, '0')}`;
  const home = postcodeIn(rng, plan.postcodeDistricts);
  const episodes = episodesOf(rng, { id, authority: la.code, sourceId }, home, ctx.area, c.periods, today);
  ctx.out.episodes.push(...episodes);
  const last = episodes[episodes.length - 1];
  const ageYears = c.dob === null ? 0 : (today - c.dob) / 365.25;
  const sex = c.sex === 'UNKNOWN' ? 'MALE' : c.sex;
  const child: ChildRecord = {
    id, authority: la.code, sourceId,
    firstName: c.dob === null ? null : firstNameFor(rng, sex, c.ethnicity), lastName: c.lastName,
    dateOfBirth: isoOrNull(c.dob), expectedDateOfBirth: isoOrNull(c.expectedDob), sex: c.sex, ethnicity: c.ethnicity,
    upn: ageYears >= 4 ? upnFor(rng, la.laNumber ?? 0) : null, nhsNumber: c.dob === null ? null : nhsNumberFor(rng),
    placementPostcode: last && last.dec === null ? last.placementPostcode : null,
    needs: c.profile.needs, healthSummary: c.profile.healthSummary, birthFamilyBackground: c.profile.birthFamilyBackground,
    contactPlan: c.profile.contactPlan, socialWorker: c.socialWorker, siblingGroupId: c.siblingGroupId, stage: c.stage,
    enteredCareOn: isoOrNull(c.m.entered), decisionOn: isoOrNull(c.m.decision), placementOrderOn: isoOrNull(c.m.placementOrder),
    fosteringForAdoptionOn: isoOrNull(c.m.ffa), matchedOn: isoOrNull(c.m.matched), placedOn: isoOrNull(c.m.placed),
    movedInOn: isoOrNull(c.m.placed === null ? null : c.m.ffa ?? c.m.placed), adoptionOrderOn: isoOrNull(c.m.adoptionOrder),
    planChangedOn: isoOrNull(c.m.planChanged), planChangedReason: c.planChangedReason,
    // The last return the child appears in: its latest episode's, or this year's while in care or never looked after.
    sourceYear: episodes.reduce((y, e) => Math.max(y, e.sourceYear), episodes.length === 0 ? collectionYearOf(today) : 0),
  };
  ctx.out.children.push(child);
  return child;
}

/** A new sibling group of this LA. */
function addGroup(ctx: LaContext, placeTogether: boolean): SiblingGroupRecord {
  ctx.seq.group += 1;
  const g = { id: ctx.rng.uuid(), authority: ctx.plan.authority.code, sourceId: `SG${ctx.plan.authority.laNumber}-${String(ctx.seq.group).padStart(4, '0')}`, placeTogether };
  ctx.out.siblingGroups.push(g);
  return g;
}

/** Dates of birth of a unit of `size` siblings, youngest first: a year or more apart, sometimes twins. */
function unitBirthDays(rng: SeededRandom, youngest: Day, size: number): Day[] {
  const dobs = [youngest];
  for (let i = 1; i < size; i++) dobs.push(rng.chance(0.1) ? dobs[i - 1] : dobs[i - 1] - rng.int(330, 900));
  return dobs;
}

/** One sibling unit at a pipeline position, with shared dates, surname, heritage and birth-family story. */
function addPipelineUnit(ctx: LaContext, position: PipelinePosition, size: number): ChildUnit {
  const { rng, today } = ctx;
  const dates = pipelineDates(rng, position, today);
  const ethnicity = rng.weighted(CHILD_ETHNICITY_MIX);
  const lastName = lastNameFor(rng, ethnicity);
  const background = backgroundFor(rng);
  const socialWorker = rng.pick(ctx.socialWorkers);
  const group = size > 1 ? addGroup(ctx, true) : null;
  let youngest: Day | null = null;
  if (position !== 'UNBORN') {
    youngest = today - youngestAgeYears(rng, position) * 365 - rng.int(0, 364);
    if (dates.m.entered !== null && youngest > dates.m.entered) youngest = dates.m.entered - rng.int(0, 10);
  }
  const dobs: (Day | null)[] = youngest === null ? Array.from({ length: size }, () => null) : unitBirthDays(rng, youngest, size);
  const expectedDob = youngest === null ? today + rng.int(14, 150) : undefined;
  const children = dobs.map((dob) => {
    const profile = profileFor(rng, needsFor(rng), background);
    if (expectedDob !== undefined) profile.healthSummary = `Expected due date ${isoOf(expectedDob)}. ${profile.healthSummary}`;
    return addChild(ctx, {
      stage: stageOfPosition(position), dob, expectedDob, sex: dob === null ? 'UNKNOWN' : rng.chance(0.5) ? 'MALE' : 'FEMALE',
      ethnicity, lastName, socialWorker, m: dates.m, siblingGroupId: group?.id ?? null, profile,
      planChangedReason: dates.planChangedReason, periods: dates.m.entered === null ? [] : [adoptionPathwayPeriod(rng, dates.m)],
    });
  });
  return { position, children, siblingGroupId: group?.id ?? null, m: dates.m, linkedOn: dates.linkedOn };
}

/** The LA's adopted children, one unit each, with the scorecard days its plan pins. */
function addAdoptions(ctx: LaContext): ChildUnit[] {
  const { rng, today } = ctx;
  const units: ChildUnit[] = [];
  for (const year of ctx.plan.adoptions) {
    for (const days of adoptionDays(rng, year)) {
      const m = adoptionMilestones(rng, days, year.yearEnding, today);
      const ageAtEntry = rng.weighted({ birth: 9, baby: 6, toddler: 4, older: 1 });
      const dob = m.entered! - (ageAtEntry === 'birth' ? rng.int(0, 14) : ageAtEntry === 'baby' ? rng.int(15, 365) : ageAtEntry === 'toddler' ? rng.int(366, 1100) : rng.int(1100, 2200));
      const ethnicity = rng.weighted(CHILD_ETHNICITY_MIX);
      const child = addChild(ctx, {
        stage: 'ADOPTED', dob, sex: rng.chance(0.5) ? 'MALE' : 'FEMALE', ethnicity, lastName: lastNameFor(rng, ethnicity),
        socialWorker: rng.pick(ctx.socialWorkers), m, siblingGroupId: null, profile: profileFor(rng, needsFor(rng)),
        planChangedReason: null, periods: [adoptionPathwayPeriod(rng, m)],
      });
      units.push({ position: 'ADOPTED', children: [child], siblingGroupId: null, m, linkedOn: m.matched! - rng.int(20, 60) });
    }
  }
  return units;
}

const IN_CARE_AGES: Record<string, number> = { 0: 3, 1: 3, 2: 2.5, 3: 2.5, 4: 2.5, 5: 2.5, 6: 3, 7: 3, 8: 3, 9: 3, 10: 6, 11: 6, 12: 7, 13: 8, 14: 9, 15: 10, 16: 13, 17: 13 };

/** A child looked after but not on an adoption pathway: in care on the snapshot day, or left on `leftOn`. */
function addOrdinaryChild(ctx: LaContext, leftOn: Day | null): ChildRecord {
  const { rng, today } = ctx;
  const end = leftOn ?? today;
  const ageDays = Number(rng.weighted(IN_CARE_AGES)) * 365 + rng.int(0, 364);
  const dob = end - ageDays;
  const entered = Math.max(dob, end - Math.max(leftOn === null ? 1 : 7, Math.floor(Math.min(ageDays, 4500) * rng.next() ** 1.6)));
  const ethnicity = rng.weighted(CHILD_ETHNICITY_MIX);
  const m = noMilestones();
  m.entered = entered;
  return addChild(ctx, {
    stage: null, dob, sex: rng.chance(0.57) ? 'MALE' : 'FEMALE', ethnicity, lastName: lastNameFor(rng, ethnicity),
    socialWorker: rng.pick(ctx.socialWorkers), m, siblingGroupId: null, profile: profileFor(rng, rng.chance(0.5) ? [] : needsFor(rng)),
    planChangedReason: null, periods: ordinaryCarePeriods(rng, dob, entered, leftOn, today, ctx.meanEpisodeDays),
  });
}

/** A pipeline child is looked after on the snapshot day when its period of care is still open. */
function inCare(c: ChildRecord, m: Milestones): boolean {
  return c.enteredCareOn !== null && m.adoptionOrder === null && m.left === null;
}

/** All of one LA's children (pipeline, adopted, in care, care leavers) and the units households are matched with. */
export function generateLaChildren(ctx: LaContext): ChildUnit[] {
  const units: ChildUnit[] = [];
  for (const position of PIPELINE_POSITIONS) {
    for (const size of ctx.plan.pipeline[position] ?? []) units.push(addPipelineUnit(ctx, position, size));
  }
  const pipelineInCare = units.reduce((n, u) => n + u.children.filter((c) => inCare(c, u.m)).length, 0);
  units.push(...addAdoptions(ctx));
  const ordinaryInCare = ctx.plan.childrenInCare - pipelineInCare;
  if (ordinaryInCare < 0) throw new Error(`${ctx.plan.authority.code}: more pipeline children in care than childrenInCare`);
  const ordinary = Array.from({ length: ordinaryInCare }, () => addOrdinaryChild(ctx, null));
  const soFar = units.reduce((n, u) => n + u.children.length, 0) + ordinaryInCare;
  const leavers = ctx.plan.totalChildren === undefined ? ctx.plan.careLeavers : ctx.plan.totalChildren - soFar;
  if (leavers < 0) throw new Error(`${ctx.plan.authority.code}: more children than totalChildren`);
  for (let i = 0; i < leavers; i++) addOrdinaryChild(ctx, ctx.today - ctx.rng.int(1, 364));
  if (ctx.plan.siblingEdgeCases) addSiblingEdgeCases(ctx, units, ordinary);
  return units;
}

/**
 * Two children in family finding whose group is to be placed apart (each needs a solo placement), and one whose
 * sibling is in long-term foster care, not in family finding (also solo): the cases a naive count gets wrong.
 */
function addSiblingEdgeCases(ctx: LaContext, units: ChildUnit[], ordinary: ChildRecord[]): void {
  const solos = units.filter((u) => u.position === 'FAMILY_FINDING' && u.children.length === 1).map((u) => u.children[0]);
  if (solos.length < 3 || ordinary.length === 0) throw new Error('sibling edge cases need three solo children in family finding');
  const apart = addGroup(ctx, false);
  for (const c of solos.slice(0, 2)) c.siblingGroupId = apart.id;
  solos[1].lastName = solos[0].lastName;
  const together = addGroup(ctx, true);
  solos[2].siblingGroupId = together.id;
  ordinary[0].siblingGroupId = together.id;
  ordinary[0].lastName = solos[2].lastName;
}
