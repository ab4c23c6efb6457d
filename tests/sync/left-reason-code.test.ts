import { leftReasonCodeOf } from '../../src/domain/links';

describe('a household leaving reason in words, coded for the ASGLB return', () => {
  it.each([
    ['WITHDREW', 'WITHDREW'], ['on hold', 'ON_HOLD'], ['Application refused', 'APPLICATION_REFUSED'],
    ['Approval rescinded', 'APPROVAL_RESCINDED'], ['Withdrawn by applicants', 'WITHDREW'], ['Not approved at panel', 'APPLICATION_REFUSED'],
    ['Paused: house move', 'ON_HOLD'], ['approval_rescinded', 'APPROVAL_RESCINDED'],
  ])('"%s" is %s', (text, code) => { expect(leftReasonCodeOf(text)).toBe(code); });

  it('words it cannot place are left to the caller (the import codes them OTHER and keeps the words)', () => {
    expect(leftReasonCodeOf('Changed circumstances')).toBeNull();
  });
});
