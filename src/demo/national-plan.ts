import { AuthorityRecord } from './demo-records';
import { AdoptionYearPlan, LaPlan, PIPELINE_POSITIONS, PipelinePosition, RaaPlan, SupportCaseType } from './partnership-plan';
import { SeededRandom } from './seeded-random';

/** The national scale: every English LA (152) in 31 RAAs, about 100,000 children and 20,000 households. */
export const NATIONAL_SHAPE = { raas: 31, las: 152, children: 100_000, households: 20_000 } as const;

// Children per LA at each pipeline position in the demo (ALE's four LAs), the scale national LAs vary around.
const PIPELINE_PER_LA: Record<PipelinePosition, number> = {
  UNBORN: 2.25, EARLY_MONITORING: 3.25, PARALLEL_PLANNING: 10.25, ADM_DECISION: 1, FAMILY_FINDING: 9.25,
  PROGRESS_TO_MATCH: 3.5, MATCHED: 4.25, PLACED: 6.25, PLAN_CHANGED: 1.75,
};

const AREAS = ['B', 'BS', 'CV', 'DE', 'LS', 'M', 'NE', 'NG', 'S', 'SO', 'L', 'LE', 'PL', 'TS', 'WV', 'YO', 'HU', 'BD', 'ST', 'PO'];

/** `total` shared out over `n` parts as evenly as whole numbers allow. */
function share(total: number, n: number, i: number): number {
  return Math.floor(total / n) + (i < total % n ? 1 : 0);
}

/** Sibling-unit sizes adding up to about `children` children. */
function units(rng: SeededRandom, children: number): number[] {
  const sizes: number[] = [];
  for (let n = 0; n < children;) {
    const size = Math.min(children - n, Number(rng.weighted({ 1: 70, 2: 22, 3: 6, 4: 2 } as Record<string, number>)));
    sizes.push(size);
    n += size;
  }
  return sizes;
}

function laPlan(rng: SeededRandom, authority: AuthorityRecord, totalChildren: number, index: number): LaPlan {
  const pipeline: Partial<Record<PipelinePosition, number[]>> = {};
  let pipelineChildren = 0;
  for (const p of PIPELINE_POSITIONS) {
    const n = Math.round(PIPELINE_PER_LA[p] * (0.3 + rng.next() * 1.7));
    pipeline[p] = units(rng, n);
    pipelineChildren += n;
  }
  const adoptions: AdoptionYearPlan[] = [2017, 2018, 2019, 2020, 2021].map((yearEnding) => {
    const count = rng.int(4, 30);
    return { yearEnding, count, fosterCarer: Math.round(count * rng.next() * 0.3), matchedBeforeOrder: rng.chance(0.3) ? 1 : 0 };
  });
  const adopted = adoptions.reduce((s, a) => s + a.count, 0);
  const rest = totalChildren - pipelineChildren - adopted;
  const area = AREAS[index % AREAS.length];
  const first = 1 + (Math.floor(index / AREAS.length) * 4) % 28;
  return {
    authority, postcodeDistricts: [0, 1, 2, 3].map((k) => `${area}${first + k}`), pipeline, adoptions,
    childrenInCare: Math.round(rest * 0.8) + pipelineChildren,
    careLeavers: 0, totalChildren,
  };
}

/** The national plans, one per RAA, drawn from `rng`: 152 LAs, exactly 100,000 children and 20,000 households. */
export function nationalPlans(rng: SeededRandom): RaaPlan[] {
  const plans: RaaPlan[] = [];
  let laIndex = 0;
  for (let r = 0; r < NATIONAL_SHAPE.raas; r++) {
    const raa: AuthorityRecord = { code: `R${String(r + 1).padStart(2, '0')}`, name: `Regional Adoption Agency ${r + 1}`, kind: 'REGIONAL_ADOPTION_AGENCY', laNumber: null, raaCode: null };
    const las: LaPlan[] = [];
    for (let k = 0; k < share(NATIONAL_SHAPE.las, NATIONAL_SHAPE.raas, r); k++, laIndex++) {
      const code = `L${String(laIndex + 1).padStart(3, '0')}`;
      const authority: AuthorityRecord = { code, name: `Local Authority ${laIndex + 1}`, kind: 'LOCAL_AUTHORITY', laNumber: 601 + laIndex, raaCode: raa.code };
      las.push(laPlan(rng, authority, share(NATIONAL_SHAPE.children, NATIONAL_SHAPE.las, laIndex), laIndex));
    }
    const unitsAt = (p: PipelinePosition) => las.reduce((s, la) => s + (la.pipeline[p]?.length ?? 0), 0);
    const matchedHouseholds = unitsAt('MATCHED') + unitsAt('PLACED') + las.reduce((s, la) => s + la.adoptions.reduce((t, a) => t + a.count, 0), 0);
    const linked = unitsAt('PROGRESS_TO_MATCH');
    const filler = Math.max(0, share(NATIONAL_SHAPE.households, NATIONAL_SHAPE.raas, r) - matchedHouseholds - linked);
    const part = (f: number) => Math.floor(filler * f);
    const households = { ENQUIRY: part(0.25), STAGE_ONE: part(0.2), STAGE_TWO: part(0.12), APPROVED: linked + part(0.2), WITHDRAWN: 0 };
    households.WITHDRAWN = filler - (households.ENQUIRY + households.STAGE_ONE + households.STAGE_TWO + households.APPROVED - linked);
    const supportCases = las.flatMap((la) => (['ASSESSMENT', 'UNASSESSED_SUPPORT', 'DIRECT_CONTACT', 'LETTERBOX_CONTACT'] as SupportCaseType[])
      .map((type) => ({ livesIn: la.authority.code, type, count: type === 'LETTERBOX_CONTACT' ? rng.int(10, 80) : rng.int(0, 40) })));
    plans.push({ raa, las, households, supportCases });
  }
  return plans;
}
