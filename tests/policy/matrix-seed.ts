import { Sql } from '../../src/db/sql';
import { makeChild, makeHousehold, makeSiblingGroup } from '../support/factories';

/** One seeded child of the matrix: the row class it stands for, and every value the API could serve. */
export interface ChildCase {
  label: string;
  authority: string;
  stage: string | null;
  id: string;
  groupId: string;
  expected: Record<string, unknown>;
  /** Values that identify this child and must never reach a viewer who may not read them. */
  secrets: Record<string, string>;
}

/** One seeded household of the matrix, with the LAs whose children it is linked or matched to. */
export interface HouseholdCase {
  label: string;
  agency: string;
  linkedAuthorities: string[];
  id: string;
  expected: Record<string, unknown>;
  adopter: Record<string, unknown>;
  secrets: Record<string, string>;
}

/** How many child and household row classes the seed makes (the test names count cases from them). */
export const CHILD_ROW_CLASSES = 14;
export const HOUSEHOLD_ROW_CLASSES = 5;

const STAGES = ['UNBORN', 'EARLY_MONITORING', 'PARALLEL_PLANNING', 'ADM_DECISION', 'FAMILY_FINDING', 'PROGRESS_TO_MATCH',
  'MATCHED_PLACED', 'ADOPTED', 'PLAN_CHANGED', null];

/** Whole months from `dob` to today, as PostgreSQL's age() counts them (days of month kept below 29). */
export function monthsSince(dob: string, today = new Date()): number {
  const [y, m, d] = dob.split('-').map(Number);
  const months = (today.getFullYear() - y) * 12 + (today.getMonth() + 1 - m);
  return today.getDate() < d ? months - 1 : months;
}

/** Days from `from` to today (local calendar days, like current_date). */
export function daysSince(from: string, today = new Date()): number {
  const [y, m, d] = from.split('-').map(Number);
  return Math.round((Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) - Date.UTC(y, m - 1, d)) / 86_400_000);
}

async function seedChild(sql: Sql, n: number, authority: string, stage: string | null): Promise<ChildCase> {
  const tag = `${authority}n${n}z`; // z: no tag is a prefix of another
  const groupId = await makeSiblingGroup(sql, authority);
  const dob = `2018-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`;
  const due = `2017-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`;
  const v = {
    source_id: `SRC-${tag}`, first_name: `First${tag}`, last_name: `Secretsurname${tag}`, date_of_birth: dob, expected_date_of_birth: due,
    sex: 'FEMALE', ethnicity: 'WBRI', upn: `UPN${tag}X`, nhs_number: `NHS${tag}X`, placement_postcode: `PC${tag} 9ZZ`,
    needs: ['FASD', 'GDD'], health_summary: `Health of ${tag}`, birth_family_background: `Birthfamily story ${tag}`,
    social_worker: `Worker ${tag}`, stage, sibling_group_id: groupId, entered_care_on: '2021-01-10', decision_on: '2021-05-01',
    placement_order_on: '2021-09-01', fostering_for_adoption_on: '2021-09-15', matched_on: '2022-02-01', placed_on: '2022-03-01',
    moved_in_on: '2022-03-02', adoption_order_on: '2022-11-01', plan_changed_on: '2022-12-01',
    plan_changed_reason: 'RD3',
  };
  const id = await makeChild(sql, { authority, ...v });
  const expected: Record<string, unknown> = {
    id, authority: { code: authority }, sourceId: v.source_id, firstName: v.first_name, lastName: v.last_name, dateOfBirth: dob,
    expectedDateOfBirth: due, ageMonths: monthsSince(dob), sex: 'FEMALE', ethnicity: 'WBRI', stage, needs: v.needs, healthSummary: v.health_summary,
    birthFamilyBackground: v.birth_family_background, upn: v.upn, nhsNumber: v.nhs_number, placementPostcode: v.placement_postcode,
    siblingGroup: { id: groupId }, socialWorker: v.social_worker, enteredCareOn: v.entered_care_on, decisionOn: v.decision_on,
    placementOrderOn: v.placement_order_on, fosteringForAdoptionOn: v.fostering_for_adoption_on, matchedOn: v.matched_on,
    placedOn: v.placed_on, movedInOn: v.moved_in_on, adoptionOrderOn: v.adoption_order_on, planChangedOn: v.plan_changed_on,
    planChangedReason: 'RD3', daysWaiting: 387, // matched_on - entered_care_on
    links: [], // filled in by seedHouseholdCases
  };
  const secrets = {
    firstName: v.first_name, lastName: v.last_name, dateOfBirth: dob, expectedDateOfBirth: due, upn: v.upn, nhsNumber: v.nhs_number,
    placementPostcode: v.placement_postcode, birthFamilyBackground: v.birth_family_background, sourceId: v.source_id,
  };
  return { label: `${authority} child at ${stage ?? 'no stage'}`, authority, stage, id, groupId, expected, secrets };
}

/**
 * The child row classes: an LA of the RAA (BDG) at every stage and with none, another LA of the same RAA (HAV),
 * and an LA of another RAA (KEN in APSE).
 */
export async function seedChildCases(sql: Sql): Promise<ChildCase[]> {
  const cases: ChildCase[] = [];
  let n = 0;
  for (const stage of STAGES) cases.push(await seedChild(sql, ++n, 'BDG', stage));
  cases.push(await seedChild(sql, ++n, 'HAV', 'FAMILY_FINDING'));
  cases.push(await seedChild(sql, ++n, 'HAV', 'PROGRESS_TO_MATCH'));
  cases.push(await seedChild(sql, ++n, 'KEN', 'FAMILY_FINDING'));
  cases.push(await seedChild(sql, ++n, 'KEN', 'MATCHED_PLACED'));
  return cases;
}

async function seedHousehold(sql: Sql, n: number, agency: string, label: string): Promise<HouseholdCase> {
  const tag = `${agency}h${n}z`;
  const v = {
    reference: `REF-${tag}`, stage: 'APPROVED', household_type: 'COUPLE', ethnicity: 'WIRI', religion: `Faith ${tag}`,
    languages: ['English', 'Polish'], children_in_home: 1, social_worker: `HWorker ${tag}`, lives_in: agency === 'ALE' ? 'HAV' : 'KEN',
    enquiry_on: '2022-01-03', stage1_started_on: '2022-02-01', stage1_ended_on: '2022-04-01', stage2_started_on: '2022-04-02',
    stage2_ended_on: '2022-08-01', application_on: '2022-03-15', approved_on: '2022-09-01', matched_on: '2023-02-01',
    placed_on: '2023-03-01', adoption_order_on: '2023-10-01', left_on: '2023-11-01', left_reason: `Reason ${tag}`, left_reason_code: 'WITHDREW',
    approved_min_age_months: 6, approved_max_age_months: 48, age_tolerance_months: 3, approved_max_children: 2,
    approved_siblings: true, early_permanence: true, needs_capacity: JSON.stringify({ FASD: 'MEDIUM', GDD: 'LOW' }),
    sexual_orientation: `Orientation-${tag}`, address: `${n} Secretaddress Road`, postcode: `HP${tag} 1AA`, health_notes: `Healthnote-${tag}`,
  };
  const id = await makeHousehold(sql, { agency, ...v });
  const adopter = { firstName: `Adoptfirst${tag}`, lastName: `Adoptsurname${tag}`, dateOfBirth: `1984-0${(n % 9) + 1}-1${n % 9}`, sex: 'FEMALE',
    ethnicity: 'WIRI', disability: `Disability-${tag}` };
  await sql.query(`UPDATE adopter SET first_name = $2, last_name = $3, date_of_birth = $4, ethnicity = $5, disability = $6 WHERE household_id = $1`,
    [id, adopter.firstName, adopter.lastName, adopter.dateOfBirth, adopter.ethnicity, adopter.disability]);
  const expected: Record<string, unknown> = {
    id, agency, reference: v.reference, stage: v.stage, enquiryOn: v.enquiry_on, stage1StartedOn: v.stage1_started_on,
    stage1EndedOn: v.stage1_ended_on, stage2StartedOn: v.stage2_started_on, stage2EndedOn: v.stage2_ended_on,
    applicationOn: v.application_on, approvedOn: v.approved_on, matchedOn: v.matched_on, placedOn: v.placed_on,
    adoptionOrderOn: v.adoption_order_on, leftOn: v.left_on, leftReason: v.left_reason, leftReasonCode: 'WITHDREW', householdType: v.household_type,
    numberOfAdopters: 1, ethnicity: v.ethnicity, religion: v.religion, languages: v.languages, childrenInHome: 1,
    approvedFor: { minAgeMonths: 6, maxAgeMonths: 48, ageToleranceMonths: 3, maxChildren: 2, siblingGroups: true, earlyPermanence: true },
    needsCapacity: [{ need: 'FASD', level: 'MEDIUM' }, { need: 'GDD', level: 'LOW' }], socialWorker: v.social_worker,
    livesIn: v.lives_in, adopters: 'a list of one adopter', daysWaiting: daysSince(v.approved_on), address: v.address,
    postcode: v.postcode, sexualOrientation: v.sexual_orientation, healthNotes: v.health_notes,
    links: [], // filled in by seedHouseholdCases
  };
  const secrets = {
    reference: v.reference, address: v.address, postcode: v.postcode, sexualOrientation: v.sexual_orientation,
    healthNotes: v.health_notes, adopterLastName: adopter.lastName, adopterDateOfBirth: adopter.dateOfBirth, adopterFirstName: adopter.firstName,
    adopterDisability: adopter.disability,
  };
  return { label, agency, linkedAuthorities: [], id, expected, adopter, secrets };
}

async function link(sql: Sql, householdId: string, target: { childId?: string; groupId?: string }, status: string): Promise<void> {
  await sql.query(`INSERT INTO adoption_match (authority, source_id, household_id, child_id, sibling_group_id, status, linked_on)
    VALUES ('ALE', $1, $2, $3, $4, $5, '2024-05-01')`, [`LINK-${householdId}`, householdId, target.childId ?? null, target.groupId ?? null, status]);
}

/**
 * The household row classes: ALE households matched to a BDG child, linked to a BDG sibling group, matched only to
 * a HAV child, linked to nobody; and an APSE household matched to a KEN child.
 */
export async function seedHouseholdCases(sql: Sql, children: ChildCase[]): Promise<HouseholdCase[]> {
  const child = (authority: string) => children.find((c) => c.authority === authority && c.stage === 'FAMILY_FINDING')!;
  const specs: [string, string, string, { childId?: string; groupId?: string } | null, string][] = [
    ['ALE', 'ALE household matched to a BDG child', 'BDG', { childId: child('BDG').id }, 'MATCHED'],
    ['ALE', 'ALE household linked to a BDG sibling group', 'BDG', { groupId: children.find((c) => c.authority === 'BDG' && c.stage === 'PROGRESS_TO_MATCH')!.groupId }, 'LINKED'],
    ['ALE', 'ALE household matched to a HAV child only', 'HAV', { childId: child('HAV').id }, 'MATCHED'],
    ['ALE', 'ALE household linked to nobody', '', null, ''],
    ['APSE', 'APSE household matched to a KEN child', 'KEN', { childId: child('KEN').id }, 'MATCHED'],
  ];
  const cases: HouseholdCase[] = [];
  let n = 0;
  for (const [agency, label, la, target, status] of specs) {
    const hc = await seedHousehold(sql, ++n, agency, label);
    if (target) {
      await link(sql, hc.id, target, status);
      hc.linkedAuthorities = [la];
      // Each child has a sibling group of its own, so a link reaches exactly one child; every viewer reaching the
      // child or household reaches the link (an LA's own children's links; the RAA's own links).
      hc.expected.links = [{ sourceId: `LINK-${hc.id}` }];
      const linked = children.find((c) => c.id === target.childId || c.groupId === target.groupId)!;
      (linked.expected.links as unknown[]).push({ sourceId: `LINK-${hc.id}` });
    }
    cases.push(hc);
  }
  return cases;
}
