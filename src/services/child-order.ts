import { ageMonthsSql, ChildField, daysWaitingSql } from '../policy/child-policy';

/** One ordering of the children list: the field it reads (for the policy) and its keyset. */
export interface ChildOrdering {
  field: ChildField;
  sql: (a: string) => string;
  cast: 'int' | 'text' | 'date';
  descending: boolean;
}

/** The orderings offered; DAYS_WAITING (longest waiting first) is the default a family finder expects. */
export const CHILD_ORDERINGS: Record<string, ChildOrdering> = {
  DAYS_WAITING: { field: 'daysWaiting', sql: daysWaitingSql, cast: 'int', descending: true },
  AGE: { field: 'ageMonths', sql: ageMonthsSql, cast: 'int', descending: false },
  FIRST_NAME: { field: 'firstName', sql: (a) => `${a}.first_name`, cast: 'text', descending: false },
  LAST_NAME: { field: 'lastName', sql: (a) => `${a}.last_name`, cast: 'text', descending: false },
  DATE_OF_BIRTH: { field: 'dateOfBirth', sql: (a) => `${a}.date_of_birth`, cast: 'date', descending: false },
};
