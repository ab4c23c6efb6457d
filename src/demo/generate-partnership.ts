import { ALE_PLAN } from './ale-plan';
import { ChildUnit, generateLaChildren, LaContext } from './demo-children';
import { Day, dayOf } from './demo-dates';
import { placementArea } from './demo-episodes';
import { generateHouseholds, RaaContext } from './demo-households';
import { staffName } from './demo-people';
import { emptyPartnership, PartnershipData } from './demo-records';
import { generateSupportCases } from './demo-support-cases';
import { nationalPlans } from './national-plan';
import { RaaPlan } from './partnership-plan';
import { SeededRandom } from './seeded-random';

/** Options of the generator; the same options always give the same records. */
export interface GenerateOptions {
  scale: 'demo' | 'national';
  seed?: number;
  /** The day (ISO) the live figures are true on, DEMO_TODAY or later; default DEMO_TODAY. `npm start` passes the real date. */
  today?: string;
}

/** The demo's seed: any seed reproduces the published figures; this one fixes the names and dates everyone sees. */
export const DEMO_SEED = 20200331;

/**
 * The demo's earliest snapshot day. The ALE report's tables are its March 2020 tracker, and Barking and Dagenham's
 * figures run to 31 March 2021 (391 children in care, the 2018-21 scorecard). Adoption orders fall in the financial
 * years 2016-17 to 2020-21 whatever `today` is. Everything live is dated relative to `today` and true on it: the
 * pipeline (its children's ages, orders, matches and placements, so ages and days waiting computed against the
 * hub's current date read right), households in assessment and waiting, support cases, and the children in care
 * (Barking and Dagenham's 391, its latest published figure, are in care on `today`). A `today` before this day is
 * refused, as it would put adoptions in the future.
 */
export const DEMO_TODAY = '2021-03-31';

// Average days between changes of placement or legal status for children in care, tuned so the national scale has
// about ten episodes per child (about a million), as a real 903 history of several years does.
const MEAN_EPISODE_DAYS = { demo: 200, national: 122 };

/** The plans of a scale: ALE alone for the demo, 31 random RAAs for the national scale. */
export function plansFor(scale: GenerateOptions['scale'], seed: number): RaaPlan[] {
  return scale === 'demo' ? [ALE_PLAN] : nationalPlans(new SeededRandom(seed).fork(0x504c414e));
}

/** One RAA's records: its authorities, its LAs' children and episodes, its households, matches and support cases. */
export function generateRaa(plan: RaaPlan, rng: SeededRandom, today: Day, meanEpisodeDays: number): PartnershipData {
  const out = emptyPartnership();
  out.authorities.push(plan.raa, ...plan.las.map((la) => la.authority));
  const units: ChildUnit[] = [];
  for (const la of plan.las) {
    const ctx: LaContext = {
      rng, plan: la, today, out, meanEpisodeDays, area: placementArea(la.postcodeDistricts),
      socialWorkers: Array.from({ length: 8 }, () => staffName(rng)), seq: { child: 0, group: 0 },
    };
    units.push(...generateLaChildren(ctx));
  }
  const raaCtx: RaaContext = {
    rng, plan, today, out, socialWorkers: Array.from({ length: 10 }, () => staffName(rng)),
    seq: { household: 0, match: 0, supportCase: 0 },
  };
  generateHouseholds(raaCtx, units);
  generateSupportCases(raaCtx);
  return out;
}

/**
 * The partnership one RAA at a time, so the national scale (a million episodes) never has to be held in memory at
 * once. Each RAA draws from its own sub-stream of the seed, so the chunks are the same however they are consumed.
 */
export function* partnershipChunks(opts: GenerateOptions): Generator<PartnershipData> {
  const seed = opts.seed ?? DEMO_SEED;
  const today = dayOf(opts.today ?? DEMO_TODAY);
  if (today < dayOf(DEMO_TODAY)) throw new Error(`today must be on or after ${DEMO_TODAY}`);
  const root = new SeededRandom(seed);
  const plans = plansFor(opts.scale, seed);
  for (let i = 0; i < plans.length; i++) {
    yield generateRaa(plans[i], root.fork(i + 1), today, MEAN_EPISODE_DAYS[opts.scale]);
  }
}

/** The whole partnership as plain record arrays (the demo: ALE and its four LAs, reproducing docs/domain.md). */
export function generatePartnership(opts: GenerateOptions): PartnershipData {
  const all = emptyPartnership();
  for (const chunk of partnershipChunks(opts)) {
    for (const key of Object.keys(all) as (keyof PartnershipData)[]) {
      const target = all[key] as unknown[];
      for (const row of chunk[key] as unknown[]) target.push(row);
    }
  }
  return all;
}
