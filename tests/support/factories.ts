import { randomUUID } from 'crypto';
import { Sql } from '../../src/db/sql';

/** The demo partnership's authorities plus an RAA and LA outside it, for scope tests. */
export async function seedAuthorities(sql: Sql): Promise<void> {
  await sql.query(`INSERT INTO authority (code, name, kind, la_number, raa_code) VALUES
    ('ALE', 'Adopt London East', 'REGIONAL_ADOPTION_AGENCY', NULL, NULL),
    ('APSE', 'Adoption Partnership South East', 'REGIONAL_ADOPTION_AGENCY', NULL, NULL)
    ON CONFLICT DO NOTHING`);
  await sql.query(`INSERT INTO authority (code, name, kind, la_number, raa_code) VALUES
    ('BDG', 'Barking and Dagenham', 'LOCAL_AUTHORITY', 301, 'ALE'),
    ('HAV', 'Havering', 'LOCAL_AUTHORITY', 311, 'ALE'),
    ('NHM', 'Newham', 'LOCAL_AUTHORITY', 316, 'ALE'),
    ('TWH', 'Tower Hamlets', 'LOCAL_AUTHORITY', 211, 'ALE'),
    ('KEN', 'Kent', 'LOCAL_AUTHORITY', 886, 'APSE')
    ON CONFLICT DO NOTHING`);
}

/** Column values for a child row (snake_case, as in the table). */
export type ChildSeed = Partial<Record<string, unknown>> & { authority: string };

let counter = 0;

/** Inserts a child with plausible values, overridden by `seed`; returns its id. */
export async function makeChild(sql: Sql, seed: ChildSeed): Promise<string> {
  counter += 1;
  const row: Record<string, unknown> = {
    id: randomUUID(), source_id: `C${String(counter).padStart(5, '0')}`, first_name: `Child${counter}`, last_name: `Surname${counter}`,
    date_of_birth: '2019-06-15', sex: 'FEMALE', ethnicity: 'WBRI', upn: `A${String(counter).padStart(12, '0')}`,
    nhs_number: `9${String(counter).padStart(9, '0')}`, placement_postcode: 'IG11 7LU', needs: ['FASD'],
    health_summary: 'Healthy; developmental checks up to date', birth_family_background: 'Birth mother had three previous children removed',
    social_worker: 'Jo Bloggs', stage: 'FAMILY_FINDING', entered_care_on: '2021-01-10', decision_on: '2021-05-01',
    placement_order_on: '2021-09-01', ...seed,
  };
  const cols = Object.keys(row);
  await sql.query(`INSERT INTO child (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, cols.map((c) => row[c]));
  return row.id as string;
}

/** Inserts a sibling group; returns its id. */
export async function makeSiblingGroup(sql: Sql, authority: string, placeTogether = true): Promise<string> {
  counter += 1;
  const id = randomUUID();
  await sql.query(`INSERT INTO sibling_group (id, authority, source_id, place_together) VALUES ($1, $2, $3, $4)`, [id, authority, `SG${counter}`, placeTogether]);
  return id;
}

/** Inserts a household (with one adopter) owned by `agency`; returns its id. */
export async function makeHousehold(sql: Sql, seed: Partial<Record<string, unknown>> & { agency: string }): Promise<string> {
  counter += 1;
  const row: Record<string, unknown> = {
    id: randomUUID(), reference: `H${counter}`, stage: 'APPROVED', household_type: 'COUPLE', ethnicity: 'WBRI', lives_in: 'HAV',
    approved_on: '2024-01-10', approved_min_age_months: 0, approved_max_age_months: 60, approved_max_children: 2,
    approved_siblings: true, early_permanence: false, needs_capacity: JSON.stringify({ FASD: 'MEDIUM' }),
    sexual_orientation: 'Heterosexual', address: '1 Example Road, Romford', postcode: 'RM1 1AA', health_notes: 'None', ...seed,
  };
  const cols = Object.keys(row);
  await sql.query(`INSERT INTO adopter_household (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, cols.map((c) => row[c]));
  await sql.query(`INSERT INTO adopter (household_id, position, first_name, last_name, date_of_birth, sex) VALUES ($1, 1, 'Alex', 'Adopter', '1985-02-03', 'FEMALE')`, [row.id]);
  return row.id as string;
}

/** Links or matches a household with a child. */
export async function makeMatch(sql: Sql, householdId: string, childId: string, status = 'MATCHED'): Promise<void> {
  counter += 1;
  await sql.query(`INSERT INTO adoption_match (authority, source_id, household_id, child_id, status, matched_on) VALUES ('ALE', $1, $2, $3, $4, '2024-06-01')`,
    [`M${counter}`, householdId, childId, status]);
}
