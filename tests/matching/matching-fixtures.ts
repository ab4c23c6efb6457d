import { TestHub } from '../support/test-hub';

/** A date of birth giving an age of `months` whole months today (10 days' margin either side of a month boundary). */
export function bornMonthsAgo(months: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - 10);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/** The household selection the matching tests read. */
export const SUGGESTION_FIELDS = `score excluded livesInChildsAuthority reasonsFor reasonsAgainst household { id reference }`;

/** Runs matchSuggestions and fails on any GraphQL error. */
export async function suggestionsFor(h: TestHub, token: string, childId: string, extra = '', fields = SUGGESTION_FIELDS) {
  const res = await h.gql(token, `query($id: ID!) { matchSuggestions(childId: $id${extra}) { ${fields} } }`, { id: childId });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.matchSuggestions as any[] | null;
}
