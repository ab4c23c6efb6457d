import { AuthorityRecord } from './demo-records';
import { RaaPlan } from './partnership-plan';

/** The demo RAA and its four LAs (docs/domain.md: ALE and the DfE LA numbers). */
export const ALE_AUTHORITIES: readonly AuthorityRecord[] = [
  { code: 'ALE', name: 'Adopt London East', kind: 'REGIONAL_ADOPTION_AGENCY', laNumber: null, raaCode: null },
  { code: 'BDG', name: 'Barking and Dagenham', kind: 'LOCAL_AUTHORITY', laNumber: 301, raaCode: 'ALE' },
  { code: 'HAV', name: 'Havering', kind: 'LOCAL_AUTHORITY', laNumber: 311, raaCode: 'ALE' },
  { code: 'NHM', name: 'Newham', kind: 'LOCAL_AUTHORITY', laNumber: 316, raaCode: 'ALE' },
  { code: 'TWH', name: 'Tower Hamlets', kind: 'LOCAL_AUTHORITY', laNumber: 211, raaCode: 'ALE' },
];

const authority = (code: string): AuthorityRecord => ALE_AUTHORITIES.find((a) => a.code === code)!;
const ones = (n: number): number[] => Array.from({ length: n }, () => 1);

/**
 * Barking and Dagenham's adoptions by financial year, pinned so the scorecard gives the corporate parenting report's
 * figures: A10 642/465/503 and A2 394/246/218 days for the years ending 2019/2020/2021, 15 adoptions in 2019-20 and
 * 14 in 2020-21, and the single years the report quotes (2018-19 A10 586 days, 2020-21 435 days).
 * Sums: A10 2016-17..2020-21 = 20441, 5661, 11134, 6920, 6090; A2 = 13690, 4602, 4560, 3384, 2520.
 */
const BDG_ADOPTIONS = [
  { yearEnding: 2017, count: 22, fosterCarer: 3, a10Sum: 20441, a2Sum: 13690 },
  { yearEnding: 2018, count: 17, fosterCarer: 6, a10Sum: 5661, a2Sum: 4602 },
  { yearEnding: 2019, count: 19, fosterCarer: 3, a10Sum: 11134, a2Sum: 4560, matchedBeforeOrder: 1 },
  { yearEnding: 2020, count: 15, fosterCarer: 2, a10Sum: 6920, a2Sum: 3384 },
  { yearEnding: 2021, count: 14, fosterCarer: 2, a10Sum: 6090, a2Sum: 2520 },
];

/** Unpinned adoptions for the other LAs: `perYear` counts for the years ending 2017..2021. */
function adoptions(perYear: number[], fosterCarer: number[]) {
  return perYear.map((count, i) => ({ yearEnding: 2017 + i, count, fosterCarer: fosterCarer[i] }));
}

/**
 * Adopt London East as its annual report 2019-20 shows it (docs/domain.md "Figures the demo partnership must
 * reproduce"). Pipeline units are sibling units: in active family finding (ADM_DECISION, FAMILY_FINDING,
 * PROGRESS_TO_MATCH, MATCHED) they make 30 solo children, 17 pairs and 2 groups of three.
 */
export const ALE_PLAN: RaaPlan = {
  raa: authority('ALE'),
  households: { ENQUIRY: 21, STAGE_ONE: 17, STAGE_TWO: 9, APPROVED: 19, WITHDRAWN: 12 },
  las: [
    {
      authority: authority('NHM'), postcodeDistricts: ['E6', 'E7', 'E12', 'E13', 'E15', 'E16'],
      pipeline: {
        UNBORN: [1, 1], EARLY_MONITORING: [2, ...ones(8)], PARALLEL_PLANNING: [1], ADM_DECISION: [1],
        FAMILY_FINDING: [2, 2, 1, 1], PROGRESS_TO_MATCH: [2, 1, 1], MATCHED: [2, 2, 1], PLACED: [2, 2, ...ones(5)],
        PLAN_CHANGED: [1],
      },
      adoptions: adoptions([11, 13, 10, 9, 12], [2, 2, 1, 2, 2]),
      childrenInCare: 420, careLeavers: 170,
    },
    {
      authority: authority('BDG'), postcodeDistricts: ['IG11', 'RM8', 'RM9', 'RM10', 'RM6'],
      pipeline: {
        EARLY_MONITORING: [1], PARALLEL_PLANNING: [2, ...ones(15)], ADM_DECISION: [1], FAMILY_FINDING: [3, 2, 1, 1, 1],
        PROGRESS_TO_MATCH: [2, 1, 1], MATCHED: [2, 2, 2, 1, 1, 1], PLACED: [3, 2, 2, ...ones(5)],
      },
      adoptions: BDG_ADOPTIONS,
      childrenInCare: 391, careLeavers: 190,
    },
    {
      authority: authority('HAV'), postcodeDistricts: ['RM1', 'RM2', 'RM3', 'RM7', 'RM11', 'RM12', 'RM14'],
      pipeline: {
        PARALLEL_PLANNING: [1, 1], FAMILY_FINDING: [2, 1, 1], MATCHED: [1, 1], PLACED: [2, 1, 1], PLAN_CHANGED: [1, 1],
      },
      adoptions: adoptions([7, 8, 6, 9, 7], [1, 1, 1, 2, 1]),
      childrenInCare: 290, careLeavers: 120,
    },
    {
      authority: authority('TWH'), postcodeDistricts: ['E1', 'E2', 'E3', 'E14', 'E1W'],
      pipeline: {
        UNBORN: ones(7), EARLY_MONITORING: [1, 1], PARALLEL_PLANNING: [2, 2, ...ones(17)],
        FAMILY_FINDING: [3, 2, 2, 2, 2, ...ones(8)], PROGRESS_TO_MATCH: [2, 2, 1, 1], MATCHED: [1],
        PLAN_CHANGED: ones(4),
      },
      adoptions: adoptions([9, 10, 12, 8, 11], [1, 2, 2, 1, 2]),
      childrenInCare: 330, careLeavers: 150, siblingEdgeCases: true,
    },
  ],
  supportCases: [
    { livesIn: 'TWH', type: 'ASSESSMENT', count: 32 }, { livesIn: 'HAV', type: 'ASSESSMENT', count: 20 },
    { livesIn: 'NHM', type: 'ASSESSMENT', count: 19 }, { livesIn: 'BDG', type: 'ASSESSMENT', count: 7 },
    { livesIn: 'TWH', type: 'UNASSESSED_SUPPORT', count: 11 }, { livesIn: 'HAV', type: 'UNASSESSED_SUPPORT', count: 19 },
    { livesIn: 'NHM', type: 'UNASSESSED_SUPPORT', count: 8 }, { livesIn: 'BDG', type: 'UNASSESSED_SUPPORT', count: 15 },
    { livesIn: 'TWH', type: 'DIRECT_CONTACT', count: 22 }, { livesIn: 'HAV', type: 'DIRECT_CONTACT', count: 1 },
    { livesIn: 'NHM', type: 'DIRECT_CONTACT', count: 28 }, { livesIn: 'BDG', type: 'DIRECT_CONTACT', count: 33 },
  ],
};
