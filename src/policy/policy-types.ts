import { Role } from '../auth/roles';
import { Viewer } from '../auth/viewer';
import { SqlParams } from './sql-params';

/** A row predicate in SQL over the entity's alias, or null when the viewer gets no rows at all. */
export type RowRule = (viewer: Viewer, params: SqlParams, alias: string) => string | null;

/** A field readable only on rows where a SQL predicate holds (e.g. birth-family background late in the journey). */
export interface ConditionalRule {
  when: (alias: string, params: SqlParams) => string;
  /** Says, for people, when the field is readable. */
  description: string;
}

/** How one role may read one field: always, on some rows, or (absent from the table) never. */
export type FieldRule = 'allow' | ConditionalRule;

/** A field rule that depends on the viewer's kind of organisation (an integration client reads as its LA or RAA). */
export interface ByOrgKind {
  LOCAL_AUTHORITY?: FieldRule;
  REGIONAL_ADOPTION_AGENCY?: FieldRule;
}

/**
 * One entity's access policy: default deny. A role absent from `rows` reaches no rows; a role absent from a
 * field's entry may not read, filter or sort on that field.
 */
export interface EntityPolicy<F extends string> {
  entity: string;
  /** The SQL table, and the expression that computes each field from the row aliased `alias`. */
  table: string;
  columns: Record<F, (alias: string) => string>;
  rows: Partial<Record<Role, RowRule>>;
  fields: Record<F, Partial<Record<Role, FieldRule | ByOrgKind>>>;
}
