import { isDeepStrictEqual } from 'util';
import {
  ADOPTER_FIELD_TABLE, CHILD_FIELD_TABLE, Cell, cellOf, DocViewer, HOUSEHOLD_FIELD_TABLE, LATE, LATE_STAGES, RAA_MEMBERS,
  RAA_PIPELINE_STAGES,
} from './access-policy-transcript';
import { ChildCase, HouseholdCase } from './matrix-seed';

/** What one viewer gets for one field of one record, as the agreement words it. */
export type Outcome = 'value' | 'null + FORBIDDEN' | 'record absent' | 'operation FORBIDDEN';

/** A GraphQL error as the hub sends it. */
export interface GqlError { message: string; path?: (string | number)[]; extensions?: { code?: string } }

/** Which children the transcript's Rows table lets the viewer reach. */
export function childReachable(v: DocViewer, c: ChildCase): boolean {
  if (v.childColumn === 'social_worker') return c.authority === v.org;
  if (v.childColumn === 'family_finder' || v.childColumn === 'raa_manager') {
    return (RAA_MEMBERS[v.org] ?? []).includes(c.authority) && c.stage !== null && RAA_PIPELINE_STAGES.includes(c.stage);
  }
  return false;
}

/** Which households the transcript's Rows table lets the viewer reach. */
export function householdReachable(v: DocViewer, h: HouseholdCase): boolean {
  if (v.householdColumn === 'social_worker') return h.linkedAuthorities.includes(v.org);
  if (v.householdColumn === 'family_finder' || v.householdColumn === 'raa_manager') return h.agency === v.org;
  return false;
}

function readable(cell: Cell | undefined, stage: string | null): boolean {
  if (cell === '✓') return true;
  if (cell === LATE) return stage !== null && LATE_STAGES.includes(stage);
  return false;
}

/** The outcome the transcript gives for a Child field. */
export function expectedChild(v: DocViewer, c: ChildCase, field: string): Outcome {
  if (!v.mayCallChildOperations) return 'operation FORBIDDEN';
  if (!childReachable(v, c)) return 'record absent';
  return readable(cellOf(CHILD_FIELD_TABLE, field, v.childColumn!), c.stage) ? 'value' : 'null + FORBIDDEN';
}

/** The outcome the transcript gives for an AdopterHousehold field. */
export function expectedHousehold(v: DocViewer, h: HouseholdCase, field: string): Outcome {
  if (!v.mayCallHouseholdOperations) return 'operation FORBIDDEN';
  if (!householdReachable(v, h)) return 'record absent';
  return readable(cellOf(HOUSEHOLD_FIELD_TABLE, field, v.householdColumn!), null) ? 'value' : 'null + FORBIDDEN';
}

/** The outcome the transcript gives for a field of a household's adopter. */
export function expectedAdopter(v: DocViewer, h: HouseholdCase, field: string): Outcome {
  const household = expectedHousehold(v, h, 'adopters');
  if (household !== 'value') return household;
  return readable(cellOf(ADOPTER_FIELD_TABLE, field, v.householdColumn!), null) ? 'value' : 'null + FORBIDDEN';
}

const samePath = (a: readonly (string | number)[] | undefined, b: readonly (string | number)[]) =>
  !!a && a.length === b.length && a.every((x, i) => x === b[i]);

/** What a response actually did for one field: the outcome, or a description of what went wrong. */
export function observeField(args: {
  errors: GqlError[]; rootPath: (string | number)[]; opRefused: boolean; record: Record<string, unknown> | null | undefined;
  recordPath: (string | number)[]; field: string; expectedValue: unknown;
}): Outcome | string {
  if (args.opRefused) return 'operation FORBIDDEN';
  if (!args.record) return 'record absent';
  const path = [...args.recordPath, args.field];
  const errs = args.errors.filter((e) => samePath(e.path, path));
  const value = args.record[args.field];
  if (errs.length === 0 && matches(value, args.expectedValue)) return 'value';
  if (value === null && errs.length === 1 && errs[0].extensions?.code === 'FORBIDDEN') return 'null + FORBIDDEN';
  return `unexpected: value ${JSON.stringify(value)}, errors ${JSON.stringify(errs.map((e) => e.extensions?.code))}`;
}

function matches(value: unknown, expected: unknown): boolean {
  if (expected === 'a list of one adopter') return Array.isArray(value) && value.length === 1;
  return isDeepStrictEqual(value, expected);
}

/** True when the operation at `rootPath` was refused: null there and one FORBIDDEN error at exactly that path. */
export function operationRefused(errors: GqlError[], rootPath: (string | number)[]): boolean {
  const errs = errors.filter((e) => samePath(e.path, rootPath));
  return errs.length === 1 && errs[0].extensions?.code === 'FORBIDDEN';
}
