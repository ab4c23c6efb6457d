// The hub's 903 validation against Data to Insight's validator (csc-validator-be-903, 2022-23 rules), rule by rule,
// on the four shared samples: every record the validator flags for one of its single-record rules is rejected or
// reported by the hub, and where the hub flags what the validator did not, it is one of the reasons listed here.
import { compare, SAMPLES, type RuleLine } from '../../support/validator-comparison';

/** Where the hub says more than the validator did, and why (docs/ssda903-validation.md). */
const HUB_ONLY_EXPECTED: Record<string, string[]> = {
  // E45-E48 and CUSTOD exist from the 2018-19 return; the validator judged this 2017-18 return by 2022-23 lists.
  'd2i fake 2017-18 (CSV)': ['Episodes 149', 'Episodes 1009'],
  'd2i fake 2017-18 (XML)': ['Episodes 149', 'Episodes 1009'],
  'cs-demand-model 2021': [],
  // The validator skips rule 165 when a return has no OC3 table; the hub judges MOTHER all the same.
  'liia dirty samples': ['Header 165'],
};

describe.each(SAMPLES)('$name against the validator\'s findings', (sample) => {
  let lines: RuleLine[];
  beforeAll(() => { ({ lines } = compare(sample)); });

  it('leaves no flagged record silently accepted, rule by rule', () => {
    const silent = lines.filter((l) => l.silent > 0).map((l) => `${l.table} ${l.rule}: ${l.silent} of ${l.flagged} silent`);
    expect(silent).toEqual([]);
    expect(lines.reduce((n, l) => n + l.flagged, 0)).toBeGreaterThan(0);
  });

  it('flags nothing the validator did not, except for the documented reasons', () => {
    expect(lines.filter((l) => l.hubOnly > 0).map((l) => `${l.table} ${l.rule}`).sort()).toEqual([...HUB_ONLY_EXPECTED[sample.name]].sort());
  });

  it('infers the collection year the validator was given from the return itself', () => {
    expect(sample.read().collectionYear).toBe(sample.year);
  });
});

describe('the d2i fake return, rule by rule', () => {
  it('rejects what is invalid in the record and keeps, with a warning, what the hub can do without', () => {
    const byRule = new Map(compare(SAMPLES[0]).lines.map((l) => [`${l.table} ${l.rule}`, l]));
    // An invalid value rejects its record: a UPN without a check letter, D1 after 2005, a code outside its list.
    expect(byRule.get('Header 168')).toMatchObject({ flagged: 296, rejected: 296 });
    expect(byRule.get('Episodes 445')).toMatchObject({ flagged: 354, rejected: 354 });
    expect(byRule.get('OC3 133')).toMatchObject({ flagged: 3, rejected: 3 });
    expect(byRule.get('PlacedAdoption 120')).toMatchObject({ flagged: 29, rejected: 29 });
    // Cross-record or cross-table conditions, and values the hub drops or does not store, warn.
    for (const rule of ['Episodes 148', 'Episodes 178', 'Episodes 385', 'Episodes 117', 'PlacedAdoption 117', 'OC3 165']) {
      expect({ ...byRule.get(rule), which: rule }).toMatchObject({ which: rule, silent: 0, rejected: 0 });
    }
  });
});
