// Shared by the derivation and store tests: the nine annual adoption-journeys returns and their expected outcome.
import { readFileSync } from 'fs';
import type { Ssda903Extract } from '../../../src/sync/ssda903/extract';
import { readReturn } from '../../../src/sync/ssda903/read-return';
import { JOURNEYS_DIR } from '../../support/fixture-data';

export { JOURNEYS_DIR };
export const JOURNEY_YEARS = [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
/** The fields expected.json gives per child. */
export const MILESTONE_FIELDS = ['enteredCareOn', 'decisionOn', 'placementOrderOn', 'matchedOn', 'placedOn',
  'movedInOn', 'adoptionOrderOn', 'planChangedOn', 'stage'] as const;

export type ExpectedChild = Partial<Record<(typeof MILESTONE_FIELDS)[number], string>> & { kind: string };

/** expected.json's children, by source id. */
export function expectedChildren(): Record<string, ExpectedChild> {
  return JSON.parse(readFileSync(`${JOURNEYS_DIR}/expected.json`, 'utf8')).children;
}

/** The nine returns, read with the year named by their folder. */
export async function readJourneyReturns(): Promise<Ssda903Extract[]> {
  return Promise.all(JOURNEY_YEARS.map((y) => readReturn(`${JOURNEYS_DIR}/${y}`, { collectionYear: y })));
}

/** A fixed shuffle (no randomness in tests): later years before earlier ones, interleaved. */
export const SHUFFLED = [2019, 2015, 2021, 2013, 2017, 2020, 2014, 2018, 2016];

/**
 * Where the 903 cannot carry what expected.json (written from the journeys themselves) knows. Each is a rule about
 * the data, not a list of children: the test checks that every mismatch is explained by one of them.
 * - AD1 (the only place the 903 records DATE_MATCH) exists only for children adopted in the year, so a child matched
 *   or placed but not yet adopted has no match date in any return;
 * - "moved in with the adopters" is defined from an A3/A5 placement, so without a placement it cannot be known;
 * - for an adoption with no placement for adoption, the journeys have no match, but AD1 must still give a DATE_MATCH.
 */
export function explainMismatch(field: string, got: string | null, want: string | null,
  facts: { hasAd1: boolean; ad1Match: string | null; placedOn: string | null }): string | null {
  if (field === 'matchedOn' && got === null && want !== null && !facts.hasAd1) return 'no AD1 before adoption';
  if (field === 'movedInOn' && got === null && facts.placedOn === null) return 'no placement for adoption yet';
  if (field === 'matchedOn' && want === null && facts.placedOn === null && got === facts.ad1Match) return 'AD1 match without placement';
  return null;
}
