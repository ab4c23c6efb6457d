import { PermanenceStage } from './stages';

/**
 * Active family finding (decided by the lead; used by the sibling-group figures and the demo): a child whose stage is
 * ADM_DECISION, FAMILY_FINDING or PROGRESS_TO_MATCH, or MATCHED_PLACED and not yet placed (placed_on IS NULL).
 * Once placed, the search is over even though the adoption order is still to come.
 */
export const ACTIVE_FAMILY_FINDING_STAGES: readonly PermanenceStage[] = ['ADM_DECISION', 'FAMILY_FINDING', 'PROGRESS_TO_MATCH'];

/** True when the child is in active family finding (the same rule as `activeFamilyFindingSql`). */
export function isInActiveFamilyFinding(child: { stage: string | null; placedOn: string | null }): boolean {
  if (child.stage === 'MATCHED_PLACED') return child.placedOn === null;
  return (ACTIVE_FAMILY_FINDING_STAGES as readonly string[]).includes(child.stage ?? '');
}

/** The rule as a SQL predicate over the child table aliased `alias`, to AND into a WHERE clause. */
export function activeFamilyFindingSql(alias = 'c'): string {
  return `(${alias}.stage IN ('ADM_DECISION', 'FAMILY_FINDING', 'PROGRESS_TO_MATCH')`
    + ` OR (${alias}.stage = 'MATCHED_PLACED' AND ${alias}.placed_on IS NULL))`;
}

/**
 * A child's sibling need: how many children, itself included, must be placed together — the children of its sibling
 * group (when the group is to be placed together) who are also in active family finding. 1 means a solo placement.
 * As SQL: a window expression over rows already restricted to active family finding, with the child table aliased
 * `alias` and its sibling_group LEFT JOINed as `groupAlias`.
 */
export function siblingNeedSql(alias = 'c', groupAlias = 'sg'): string {
  return `CASE WHEN ${alias}.sibling_group_id IS NULL OR NOT ${groupAlias}.place_together THEN 1`
    + ` ELSE count(*) OVER (PARTITION BY ${alias}.sibling_group_id) END`;
}
