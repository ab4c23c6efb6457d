// The explorer's example operations, one tab per kind of user. Each tab carries the demo token of that user in its
// headers, so the policy answers exactly as it would for them.

/** The tabs, given a token per user and a real child and household id from the demo partnership. */
export function exampleTabs({ tokens, childId, householdId }) {
  const headers = (token) => JSON.stringify(token ? { Authorization: `Bearer ${token}` } : {}, null, 2);
  return [
    {
      headers: headers(tokens.family_finder),
      variables: JSON.stringify({ filter: { stages: ['FAMILY_FINDING'], minAgeMonths: 24, placeTogether: true } }, null, 2),
      query: `# Family finder (Adopt London East): the children list,
# longest waiting first. Filters: age in months, needs /
# anyNeeds, placeTogether, minSiblingGroupSize,
# minDaysWaiting, stages, authority. Page on with after:
# pageInfo.endCursor. Open the Docs panel (top left) for
# every field's description.
query FamilyFinderChildren($filter: ChildFilter) {
  children(filter: $filter, first: 10) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id firstName ageMonths sex stage needs daysWaiting
        authority { name }
        siblingGroup { placeTogether children { firstName } }
      }
    }
  }
}
`,
    },
    {
      headers: headers(tokens.family_finder),
      variables: JSON.stringify({ id: childId }, null, 2),
      query: `# Family finder: a child's profile. Fields the role may not
# read (lastName, dateOfBirth, upn...) come back null with a
# FORBIDDEN error at their path; a social worker of the
# child's own LA reads them all. Every child record served
# is written to the access log.
query ChildProfile($id: ID!) {
  child(id: $id) {
    id sourceId firstName lastName dateOfBirth ageMonths sex ethnicity stage needs healthSummary
    birthFamilyBackground socialWorker daysWaiting
    enteredCareOn decisionOn placementOrderOn matchedOn placedOn
    authority { name }
    siblingGroup { placeTogether children { id firstName stage } }
  }
}
`,
    },
    {
      headers: headers(tokens.family_finder),
      variables: JSON.stringify({ childId }, null, 2),
      query: `# Family finder: households suggested for a child, with the
# reasons for and against each (docs/matching.md). The
# reverse search (children for a household) is the next tab.
query MatchSuggestions($childId: ID!) {
  matchSuggestions(childId: $childId, first: 5, includeExcluded: false) {
    score excluded livesInChildsAuthority reasonsFor reasonsAgainst
    household { id reference livesIn daysWaiting approvedFor { minAgeMonths maxAgeMonths maxChildren siblingGroups } }
  }
}
`,
    },
    {
      headers: headers(tokens.family_finder),
      variables: JSON.stringify({ householdId }, null, 2),
      query: `# Family finder: the reverse search, children (or sibling
# groups placed together) suggested for an approved
# household, with the reasons for and against each.
query HouseholdSuggestions($householdId: ID!) {
  childSuggestions(householdId: $householdId, first: 5) {
    score reasonsFor reasonsAgainst
    children { id firstName ageMonths stage }
    siblingGroup { placeTogether }
  }
}
`,
    },
    {
      headers: headers(tokens.la_analyst),
      variables: JSON.stringify({ authority: 'BDG', yearEnding: 2021 }, null, 2),
      query: `# LA performance analyst (Barking and Dagenham): dashboard
# aggregates. Counts from 1 to 4 are suppressed (count null,
# suppressed true) in SQL; the analyst reads no child-level
# record at all.
query DashboardFigures($authority: String!, $yearEnding: Int!) {
  familyFindingSummary { authority stage count suppressed }
  scorecard(authority: $authority, yearEnding: $yearEnding) {
    windowFrom windowTo a10Days a10ThresholdDays meetsA10 a2Days a2ThresholdDays meetsA2 suppressedFields
  }
}
`,
    },
    {
      headers: headers(tokens.integration),
      variables: JSON.stringify({
        records: [
          { sourceId: 'EXPLORER-EXAMPLE-1', firstName: 'Alex', sex: 'FEMALE', dateOfBirth: '2021-05-01', enteredCareOn: '2024-01-10', ethnicity: 'WBRI' },
          { sourceId: 'EXPLORER-EXAMPLE-2', firstName: 'Sam', dateOfBirth: '2021-02-30' },
        ],
      }, null, 2),
      query: `# Integration client of Barking and Dagenham: push child
# records (at most 1,000 per call). The first record is a
# child in care with no adoption milestone yet (no stage, so
# no dashboard figure moves); the second is rejected with
# its index, field and reason while the first is stored. Run
# it twice: the second time nothing changes (changed: 0) and
# the change feed gets no new entry.
mutation SyncChildren($records: [ChildRecordInput!]!) {
  syncChildren(authority: "BDG", records: $records) {
    accepted
    changed
    rejected { index sourceId field reason }
  }
}
`,
    },
    {
      headers: headers(tokens.integration),
      variables: JSON.stringify({ after: null }, null, 2),
      query: `# Integration client: the change feed of the authority's
# records, in commit order. Keep pageInfo.endCursor and pass
# it as after next time to get only what changed since.
query ChangeFeed($after: String) {
  changes(authority: "BDG", first: 20, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { at entity id operation sourceId }
  }
}
`,
    },
  ];
}
