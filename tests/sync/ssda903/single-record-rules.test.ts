// The DfE validator's single-record conditions, one small return each: what the hub rejects (an invalid value),
// what it keeps with a warning (a value it can drop, or a condition that spans records), and the collection year.
import { buildExtract } from '../../../src/sync/ssda903/build-extract';
import { declaredCollectionYear } from '../../../src/sync/ssda903/collection-year';
import type { ImportIssue, Ssda903Extract } from '../../../src/sync/ssda903/extract';
import { csvFilesToRows } from '../../../src/sync/ssda903/read-return';

const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';

function read(files: Record<string, string[]>, year?: number): Ssda903Extract {
  const { rows, issues } = csvFilesToRows(Object.entries(files).map(([name, lines]) => ({ name, text: lines.join('\n') })));
  return buildExtract(rows, issues, year === undefined ? {} : { collectionYear: year });
}
const byRule = (issues: ImportIssue[], rule: string) => issues.filter((i) => i.rule === rule);

describe('UPN (rule 168)', () => {
  it('refuses a UPN whose first character is not a check letter (I, O, S) and accepts the others and UN1-UN5', () => {
    const x = read({ 'header.csv': [HEADER, '1,1,01/01/2010,WBRI,I012345678901,,', '2,1,01/01/2010,WBRI,S01234567890A,,',
      '3,1,01/01/2010,WBRI,A012345678901,,', '4,1,01/01/2010,WBRI,T01234567890A,,', '5,1,01/01/2010,WBRI,UN3,,'] }, 2018);
    expect(byRule(x.rejections, '168').map((r) => [r.row, r.childId])).toEqual([[2, '1'], [3, '2']]);
    expect(x.children.filter((c) => c.upn).map((c) => c.upn)).toEqual(['A012345678901', 'T01234567890A', 'UN3']);
  });
});

describe('Episodes', () => {
  const ep = (child: string, decom: string, ls: string, place: string, provider: string, dec: string, rec: string, change = '') =>
    `${child},${decom},S,${ls},N1,${place},${provider},${dec},${rec},${change},,,`;

  it('refuses legal status D1 on an episode starting after 2005 (rule 445), keeps it on one starting in 2005', () => {
    const x = read({ 'episodes.csv': [EPISODES, ep('1', '31/12/2005', 'D1', 'U1', 'PR1', '', ''), ep('2', '01/01/2006', 'D1', 'U1', 'PR1', '', '')] }, 2018);
    expect(byRule(x.rejections, '445').map((r) => r.childId)).toEqual(['2']);
    expect(x.children.map((c) => [c.sourceId, c.episodes.length])).toEqual([['1', 1]]);
  });

  it('keeps an episode with a provider on a placement that has none (rule 178), without the provider, and says so', () => {
    const x = read({ 'episodes.csv': [EPISODES, ep('1', '01/05/2017', 'C2', 'T1', 'PR1', '', ''), ep('2', '01/05/2017', 'C2', 'U1', 'PR1', '', '')] }, 2018);
    expect(byRule(x.warnings, '178').map((w) => w.childId)).toEqual(['1']);
    expect(x.children.map((c) => c.episodes[0].placeProvider)).toEqual([null, 'PR1']);
  });

  it('keeps an episode with a REC but no DEC as open, without the REC; one with a DEC but no REC as it is (rule 148)', () => {
    const x = read({ 'episodes.csv': [EPISODES, ep('1', '01/05/2017', 'C2', 'U1', 'PR1', '', 'E11'), ep('2', '01/05/2017', 'C2', 'U1', 'PR1', '01/06/2017', '')] }, 2018);
    expect(byRule(x.warnings, '148').map((w) => w.childId)).toEqual(['1', '2']);
    expect(x.rejections).toEqual([]);
    expect(x.children.map((c) => [c.episodes[0].dec, c.episodes[0].rec])).toEqual([[null, null], ['2017-06-01', null]]);
  });

  it('refuses REC E45-E48 and CUSTOD before the 2018-19 return and E43/E44 after it; accepts each in its years', () => {
    const lines = [EPISODES, ep('1', '01/05/2017', 'C2', 'U1', 'PR1', '01/06/2017', 'E45'), ep('2', '01/05/2017', 'C2', 'U1', 'PR1', '01/06/2017', 'E43'),
      ep('3', '01/05/2017', 'C2', 'U1', 'PR1', '01/06/2017', 'X1', 'CUSTOD')];
    const old = read({ 'episodes.csv': lines }, 2018);
    expect(old.rejections.map((r) => [r.childId, r.column, r.rule])).toEqual([['1', 'REC', '149'], ['3', 'REASON_PLACE_CHANGE', '1009']]);
    expect(old.children.map((c) => c.sourceId)).toEqual(['2']);
    expect(byRule(old.warnings, '149').map((w) => w.childId)).toEqual(['2']); // valid then, retired since
    const later = read({ 'episodes.csv': lines.map((l) => l.replace(/2017/g, '2018')) }, 2019);
    expect(later.rejections.map((r) => [r.childId, r.column, r.rule])).toEqual([['2', 'REC', '149']]);
    expect(later.counts.episodesRejected).toBe(1);
  });

  it('reports an episode ending after the collection year (rule 385) and keeps it', () => {
    const x = read({ 'episodes.csv': [EPISODES, ep('1', '01/05/2017', 'C2', 'U1', 'PR1', '01/04/2018', 'E13')] }, 2018);
    expect(byRule(x.warnings, '385')).toEqual([expect.objectContaining({ column: 'DEC', childId: '1' })]);
    expect(x.children[0].episodes).toHaveLength(1);
  });
});

describe('MOTHER (rule 165) and OC3 codes (rules 132, 133)', () => {
  it('warns about a girl in care in the year with MOTHER blank and a boy with MOTHER given; refuses an invalid MOTHER', () => {
    const x = read({
      'header.csv': [HEADER, '1,2,01/01/2005,WBRI,UN1,,', '2,1,01/01/2005,WBRI,UN1,0,', '3,2,01/01/2005,WBRI,UN1,7,', '4,2,01/01/2005,WBRI,UN1,0,'],
      'episodes.csv': [EPISODES, ...['1', '2', '3', '4'].map((c) => `${c},01/05/2017,S,C2,N1,U1,PR1,,,,,,`)],
    }, 2018);
    expect(byRule(x.warnings, '165').map((w) => w.childId)).toEqual(['1', '2']);
    expect(byRule(x.rejections, '165').map((r) => r.childId)).toEqual(['3']);
  });

  it('refuses OC3 accommodation S1 and X1 (rule 133) and judges activity F3/P3 by the return\'s year (rule 132)', () => {
    const oc3 = ['CHILD,DOB,IN_TOUCH,ACTIV,ACCOM', '1,01/01/2000,YES,F1,S1', '2,01/01/2000,YES,F3,B1', '3,01/01/2000,YES,F4,B1'];
    const old = read({ 'oc3.csv': oc3 }, 2021);
    expect(old.rejections.map((r) => [r.childId, r.column, r.rule])).toEqual([['1', 'ACCOM', '133'], ['3', 'ACTIV', '132']]);
    expect(byRule(old.warnings, '132').map((w) => w.childId)).toEqual(['2']);
    const current = read({ 'oc3.csv': oc3 }, 2022);
    expect(current.rejections.map((r) => [r.childId, r.column, r.rule])).toEqual([['1', 'ACCOM', '133'], ['2', 'ACTIV', '132']]);
  });
});

describe('the collection year', () => {
  const ep = (child: string, decom: string, dec: string) => `${child},${decom},S,C2,N1,U1,PR1,${dec},${dec ? 'E13' : ''},,,,`;

  it('is the year most episode ends fall in: a few ending on 1 April do not move it, and they are reported', () => {
    const x = read({ 'episodes.csv': [EPISODES, ep('1', '01/05/2017', '01/06/2017'), ep('2', '01/05/2017', '01/02/2018'),
      ep('3', '01/05/2017', '01/04/2018')] });
    expect(x.collectionYear).toBe(2018);
    expect(byRule(x.warnings, '385').map((w) => w.childId)).toEqual(['3']);
  });

  it('is what an XML file\'s collection header says, when it says', () => {
    expect(declaredCollectionYear('<Header><CollectionDetails><Collection>SSDA903</Collection><Year>2019</Year></CollectionDetails></Header>')).toBe(2019);
    expect(declaredCollectionYear('<Header><ReferenceDate>2020-03-31</ReferenceDate></Header>')).toBe(2020);
    expect(declaredCollectionYear('<EXPSSDA903><CHILD/></EXPSSDA903>')).toBeNull();
  });
});
