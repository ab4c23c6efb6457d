import { Role } from '../auth/roles';
import { EntityPolicy, RowRule } from './policy-types';
import { householdPolicy } from './household-policy';

/** Fields of one adopter within a household. */
export type AdopterField = 'firstName' | 'lastName' | 'dateOfBirth' | 'sex' | 'ethnicity' | 'disability';

const allReaders = { family_finder: 'allow', raa_manager: 'allow', social_worker: 'allow', integration: 'allow' } as const;
const raaStaff = { family_finder: 'allow', raa_manager: 'allow', integration: 'allow' } as const;

/** An adopter is in scope exactly when its household is, for the same role. */
function throughHousehold(role: Role): RowRule | undefined {
  const rule = householdPolicy.rows[role];
  if (!rule) return undefined;
  return (v, p, a) => {
    const inner = rule(v, p, 'hh');
    return inner === null ? null : `EXISTS (SELECT 1 FROM adopter_household hh WHERE hh.id = ${a}.household_id AND ${inner})`;
  };
}

/** Adopters are reached only through their household. */
export const adopterPolicy: EntityPolicy<AdopterField> = {
  entity: 'Adopter',
  table: 'adopter',
  rows: {
    social_worker: throughHousehold('social_worker'),
    family_finder: throughHousehold('family_finder'),
    raa_manager: throughHousehold('raa_manager'),
    integration: throughHousehold('integration'),
  },
  columns: {
    firstName: (a) => `${a}.first_name`,
    lastName: (a) => `${a}.last_name`,
    dateOfBirth: (a) => `to_char(${a}.date_of_birth, 'YYYY-MM-DD')`,
    sex: (a) => `${a}.sex`,
    ethnicity: (a) => `${a}.ethnicity`,
    disability: (a) => `${a}.disability`,
  },
  fields: {
    // The household's make-up (how many adopters, of which sex) is readable by all who see the household.
    firstName: allReaders,
    sex: allReaders,
    // The household's ethnicity is readable by all its readers; each adopter's is the same kind of fact.
    ethnicity: allReaders,
    // Health information: like the household's health notes, not for a linked child's social worker.
    disability: raaStaff,
    lastName: raaStaff,
    dateOfBirth: raaStaff,
  },
};
