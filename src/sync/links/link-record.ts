// A link record as an RAA's integration script sends it (syncLinks), and its checks within the record. A field left
// out keeps its stored value; a field sent as null clears it. References to households, children and sibling groups
// are resolved against the database afterwards (link-references.ts).
import {
  LINK_END_REASONS, LINK_INITIATORS, LINK_STATUSES, LINK_STEP_DATES, LINK_STEPS, type LinkStep,
} from '../../domain/links';
import {
  checkDate, checkOneOf, checkSourceId, checkText, FieldProblem, validateEach, type SyncRejection,
} from '../sync-batch';

/** One record of a syncLinks batch (the Link type's field names, references by the owners' own ids). */
export interface LinkRecord {
  sourceId: string;
  householdReference?: string | null;
  childAuthority?: string | null;
  childSourceId?: string | null;
  siblingGroupSourceId?: string | null;
  status?: string | null;
  interestOn?: string | null;
  linkedOn?: string | null;
  matchingPanelOn?: string | null;
  matchedOn?: string | null;
  placedOn?: string | null;
  adoptionOrderOn?: string | null;
  endedOn?: string | null;
  initiatedBy?: string | null;
  placingAgency?: string | null;
  interAgency?: boolean | null;
  endedAtStep?: string | null;
  endReason?: string | null;
  deleted?: boolean | null;
}

/** A checked link: the keys it sent and their cleaned values. */
export interface ValidLink {
  index: number;
  sourceId: string;
  deleted: boolean;
  sent: Set<string>;
  values: Record<string, unknown>;
}

const upper = (v: string | null | undefined) => (typeof v === 'string' ? v.trim().toUpperCase() : v);
const STEP_WORDS = 'EXPRESSION_OF_INTEREST, LINKED, MATCHING_PANEL, MATCHED, PLACED or ADOPTION_ORDER';

/** Checks one record; throws a FieldProblem naming the first wrong field. */
export function checkLink(r: LinkRecord, index: number): ValidLink {
  const sourceId = checkSourceId('sourceId', r.sourceId);
  if (r.deleted) return { index, sourceId, deleted: true, sent: new Set(), values: {} };
  const v: Record<string, unknown> = {
    householdReference: r.householdReference === null ? nullTarget('householdReference') : checkText('householdReference', r.householdReference, 100),
    childAuthority: upper(checkText('childAuthority', r.childAuthority, 12)),
    childSourceId: checkText('childSourceId', r.childSourceId, 100),
    siblingGroupSourceId: checkText('siblingGroupSourceId', r.siblingGroupSourceId, 100),
    status: checkOneOf('status', upper(r.status ?? undefined), LINK_STATUSES, `a link status (${STEP_WORDS} or ENDED)`),
    initiatedBy: checkOneOf('initiatedBy', upper(r.initiatedBy), LINK_INITIATORS, 'CHILD_SIDE or HOUSEHOLD_SIDE'),
    placingAgency: checkText('placingAgency', r.placingAgency, 100),
    interAgency: r.interAgency,
    endedAtStep: checkOneOf('endedAtStep', upper(r.endedAtStep), LINK_STEPS, `a step (${STEP_WORDS})`),
    endReason: checkOneOf('endReason', upper(r.endReason), LINK_END_REASONS, 'an end reason (DECLINED_BY_HOUSEHOLD, DECLINED_BY_CHILD_SOCIAL_WORKER, DISRUPTION_BEFORE_ORDER, DISRUPTION_AFTER_ORDER or OTHER)'),
    endedOn: checkDate('endedOn', r.endedOn),
  };
  for (const [, key] of LINK_STEP_DATES) v[key] = checkDate(key, r[key as keyof LinkRecord] as string | null | undefined);
  checkTarget(v);
  checkStepOrder(v);
  checkEnd(v);
  const sent = new Set(Object.keys(v).filter((k) => v[k] !== undefined));
  // The child side is one reference: sending any part of it replaces the whole.
  if (sent.has('childAuthority') || sent.has('childSourceId') || sent.has('siblingGroupSourceId')) sent.add('target');
  return { index, sourceId, deleted: false, sent, values: v };
}

function nullTarget(field: string): never {
  throw new FieldProblem(field, 'cannot be cleared: a link is always between a household and a child or sibling group');
}

/** The child side: an LA's child or sibling group, by the LA's code and its own id. */
function checkTarget(v: Record<string, unknown>): void {
  const child = v.childSourceId;
  const group = v.siblingGroupSourceId;
  if (child === undefined && group === undefined && v.childAuthority === undefined) return;
  if (!v.childAuthority) throw new FieldProblem('childAuthority', 'is required with childSourceId or siblingGroupSourceId (the LA that owns the child)');
  if (child && group) throw new FieldProblem('siblingGroupSourceId', 'give childSourceId or siblingGroupSourceId, not both');
  if (!child && !group) throw new FieldProblem('childSourceId', 'is required (or siblingGroupSourceId) with childAuthority');
}

/** A step's date is not before an earlier step's, when the record gives both. */
function checkStepOrder(v: Record<string, unknown>): void {
  let last: { key: string; date: string } | null = null;
  for (const [, key] of LINK_STEP_DATES) {
    const d = v[key] as string | null | undefined;
    if (!d) continue;
    if (last && d < last.date) throw new FieldProblem(key, `${d} is before ${last.key} ${last.date}`);
    last = { key, date: d };
  }
  const ended = v.endedOn as string | null | undefined;
  if (ended && last && ended < last.date) throw new FieldProblem('endedOn', `${ended} is before ${last.key} ${last.date}`);
}

/**
 * An end is one event, sent whole: status ENDED comes with its date and reason; an end date or reason comes with
 * status ENDED. A disruption is a placement that ended, so it ends at PLACED (before the order) or ADOPTION_ORDER.
 */
function checkEnd(v: Record<string, unknown>): void {
  if (v.status === 'ENDED') {
    if (!v.endedOn) throw new FieldProblem('endedOn', 'is required when status is ENDED');
    if (!v.endReason) throw new FieldProblem('endReason', 'is required when status is ENDED');
  } else if (v.status !== undefined) {
    for (const key of ['endedOn', 'endReason', 'endedAtStep']) {
      if (v[key]) throw new FieldProblem(key, `is given but status is ${v.status}, not ENDED`);
    }
  }
  const step = v.endedAtStep as LinkStep | null | undefined;
  if (v.endReason === 'DISRUPTION_BEFORE_ORDER' && step && step !== 'PLACED') {
    throw new FieldProblem('endedAtStep', `is ${step}, but a disruption before the order ends a placement (PLACED)`);
  }
  if (v.endReason === 'DISRUPTION_AFTER_ORDER' && step && step !== 'ADOPTION_ORDER') {
    throw new FieldProblem('endedAtStep', `is ${step}, but a disruption after the order ends at ADOPTION_ORDER`);
  }
}

/** Validates a batch: good records to write, bad ones rejected with index, source id, field and reason. */
export function validateLinkRecords(records: readonly LinkRecord[]): { valid: ValidLink[]; rejected: SyncRejection[] } {
  let i = 0;
  return validateEach(records, (r) => r?.sourceId, (r) => checkLink(r, i++), (l) => l.sourceId);
}
