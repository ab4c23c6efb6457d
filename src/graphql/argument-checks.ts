import { AccessLogFilter } from '../../schema/inputs/access-log-filter.input';
import { checkId, checkKeysetPosition, decodeCursor, pageSize } from '../services/cursor';
import { CHILD_ORDERINGS } from '../services/child-order';
import { cursorEntryId } from '../compiler/access-log-compiler';

/**
 * The range and shape checks of the arguments of the compiled reads (and the other id-taking fields), in one table,
 * at the schema edge: installed on each field's resolver by the policy guard (src/graphql/policy-guard.ts), and run by
 * the compiler on every root field before the planner reads its arguments (src/compiler/compiled-reads.ts: the first
 * compiled root field plans them all, before their own resolvers run). Each check throws BAD_USER_INPUT naming the
 * argument, at the field's path; the compiler's own checks stay as a second line.
 */
type Args = Record<string, unknown>;
type Check = (args: Args) => void;

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** `first` of a page (1 to MAX_PAGE_SIZE). */
const page: Check = (a) => { pageSize(a.first as number | null | undefined); };

/** A children page's `after`, read for its ordering (`orderBy`, default DAYS_WAITING). */
const childCursor: Check = (a) => {
  const after = str(a.after);
  if (after === null) return;
  const orderName = str(a.orderBy) ?? 'DAYS_WAITING';
  const order = CHILD_ORDERINGS[orderName];
  if (order) checkKeysetPosition(decodeCursor(after, orderName), order.cast);
};

const id = (name: string): Check => (a) => { if (a[name] !== undefined && a[name] !== null) checkId(String(a[name]), name); };

/** Per `Type.field`, the checks of its arguments. */
export const ARGUMENT_CHECKS: Record<string, Check[]> = {
  'Query.child': [id('id')],
  'Query.siblingGroup': [id('id')],
  'Query.adopterHousehold': [id('id')],
  'Query.children': [page, childCursor],
  'SavedSearch.results': [page, childCursor],
  'Query.adopterHouseholds': [page, (a) => { const after = str(a.after); if (after !== null) checkKeysetPosition(decodeCursor(after, 'APPROVED_ON'), 'date'); }],
  'Query.accessLog': [page, (a) => {
    const after = str(a.after);
    if (after !== null) cursorEntryId(after);
    const f = a.filter as AccessLogFilter | null | undefined;
    if (f?.childId) checkId(f.childId, 'childId');
  }],
  'Query.matchSuggestions': [page, id('childId')],
  'Query.childSuggestions': [page, id('householdId')],
  'Mutation.deleteSavedSearch': [id('id')],
};

/** Runs the checks of `Type.field` on its argument values (throws BAD_USER_INPUT on the first bad one). */
export function checkArguments(type: string, field: string, args: Args): void {
  for (const check of ARGUMENT_CHECKS[`${type}.${field}`] ?? []) check(args);
}
