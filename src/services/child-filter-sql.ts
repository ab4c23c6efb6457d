import { Viewer } from '../auth/viewer';
import { calendarDateProblem } from '../domain/calendar-date';
import { badInput } from '../policy/errors';
import { assertCanFilterOn, rowScope } from '../policy/enforce';
import { ageMonthsSql, ChildField, childPolicy, daysWaitingSql } from '../policy/child-policy';
import { SqlParams } from '../policy/sql-params';
import { ChildFilter } from '../../schema/inputs/child-filter.input';


/** In-scope siblings in the child's group (1 for a child with no group); never counts a sibling the viewer cannot reach. */
export function siblingGroupSizeSql(viewer: Viewer, p: SqlParams, a: string): string {
  return `CASE WHEN ${a}.sibling_group_id IS NULL THEN 1 ELSE (SELECT count(*)::int FROM child sib
    WHERE sib.sibling_group_id = ${a}.sibling_group_id AND ${rowScope(childPolicy, viewer, p, 'sib')}) END`;
}

/** The fields a filter reads, so the policy can refuse it before any data is read. */
export function fieldsFilteredBy(filter: ChildFilter | undefined): ChildField[] {
  if (!filter) return [];
  const used: ChildField[] = [];
  const uses = (present: unknown, field: ChildField) => { if (present !== undefined && present !== null) used.push(field); };
  uses(filter.authority, 'authority');
  uses(filter.sourceIds, 'sourceId');
  uses(filter.stages, 'stage');
  uses(filter.minAgeMonths, 'ageMonths');
  uses(filter.maxAgeMonths, 'ageMonths');
  uses(filter.sex, 'sex');
  uses(filter.ethnicity, 'ethnicity');
  uses(filter.minSiblingGroupSize, 'siblingGroup');
  uses(filter.maxSiblingGroupSize, 'siblingGroup');
  uses(filter.needs, 'needs');
  uses(filter.minDaysWaiting, 'daysWaiting');
  uses(filter.anyNeeds, 'needs');
  uses(filter.placeTogether, 'siblingGroup');
  uses(filter.minDaysSincePlacementOrder, 'placementOrderOn');
  uses(filter.bornOnOrAfter, 'dateOfBirth');
  uses(filter.bornOnOrBefore, 'dateOfBirth');
  uses(filter.lastName, 'lastName');
  return used;
}

/**
 * The WHERE clause of a children query: the viewer's row scope ANDed with the filter. Filters on fields the
 * viewer may not read everywhere are refused first (FORBIDDEN), so they cannot be used to probe hidden values.
 */
export function childWhere(viewer: Viewer, p: SqlParams, filter: ChildFilter | undefined, a = 'c'): string {
  assertCanFilterOn(childPolicy, viewer, fieldsFilteredBy(filter), 'filter');
  const parts = [rowScope(childPolicy, viewer, p, a)];
  if (!filter) return parts.join(' AND ');
  const f = filter;
  if (f.authority) parts.push(`${a}.authority = ANY(${p.add(f.authority)}::text[])`);
  if (f.sourceIds) parts.push(`${a}.source_id = ANY(${p.add(f.sourceIds)}::text[])`);
  if (f.stages) parts.push(`${a}.stage = ANY(${p.add(f.stages)}::text[])`);
  if (f.minAgeMonths != null) parts.push(`${ageMonthsSql(a)} >= ${p.add(f.minAgeMonths)}`);
  if (f.maxAgeMonths != null) parts.push(`${ageMonthsSql(a)} <= ${p.add(f.maxAgeMonths)}`);
  if (f.sex) parts.push(`${a}.sex = ANY(${p.add(f.sex)}::text[])`);
  if (f.ethnicity) parts.push(`${a}.ethnicity = ANY(${p.add(f.ethnicity)}::text[])`);
  if (f.minSiblingGroupSize != null) parts.push(`${siblingGroupSizeSql(viewer, p, a)} >= ${p.add(f.minSiblingGroupSize)}`);
  if (f.maxSiblingGroupSize != null) parts.push(`${siblingGroupSizeSql(viewer, p, a)} <= ${p.add(f.maxSiblingGroupSize)}`);
  if (f.needs) parts.push(`${a}.needs @> ${p.add(f.needs)}::text[]`);
  if (f.minDaysWaiting != null) parts.push(`${daysWaitingSql(a)} >= ${p.add(f.minDaysWaiting)}`);
  if (f.anyNeeds) parts.push(`${a}.needs && ${p.add(f.anyNeeds)}::text[]`);
  if (f.placeTogether != null) {
    const together = `EXISTS (SELECT 1 FROM sibling_group ptg WHERE ptg.id = ${a}.sibling_group_id AND ptg.place_together)`;
    parts.push(f.placeTogether ? together : `NOT ${together}`);
  }
  if (f.minDaysSincePlacementOrder != null) {
    parts.push(`current_date - ${a}.placement_order_on >= ${p.add(f.minDaysSincePlacementOrder)}`);
  }
  if (f.bornOnOrAfter != null) parts.push(`${a}.date_of_birth >= ${p.add(isoDate(f.bornOnOrAfter, 'bornOnOrAfter'))}::date`);
  if (f.bornOnOrBefore != null) parts.push(`${a}.date_of_birth <= ${p.add(isoDate(f.bornOnOrBefore, 'bornOnOrBefore'))}::date`);
  if (f.lastName != null) parts.push(`${a}.last_name = ${p.add(f.lastName)}`);
  return parts.join('\n    AND ');
}

// A saved search's stored filter comes back through here without the schema's Date type: the same check.
function isoDate(value: string, name: string): string {
  const problem = calendarDateProblem(value);
  if (problem) throw badInput(`\`${name}\`: ${problem}.`);
  return value;
}
