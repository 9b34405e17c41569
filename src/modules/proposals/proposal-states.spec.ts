import { allowedNext, isFinal, mayMove } from './proposal-states';
import { proposalStatuses } from './proposals-vocabulary';

describe('the proposal state machine', () => {
  it('lets the employer open, ask to meet, refuse, then record the outcome', () => {
    expect(mayMove('sent', 'viewed', 'employer')).toBe(true);
    expect(mayMove('viewed', 'interview_planned', 'employer')).toBe(true);
    expect(mayMove('sent', 'refused', 'employer')).toBe(true);
    expect(mayMove('interview_planned', 'accepted', 'employer')).toBe(true);
  });

  it('never lets the employer hire without an interview, nor withdraw; never lets staff mark a proposal viewed', () => {
    expect(mayMove('viewed', 'accepted', 'employer')).toBe(false);
    expect(mayMove('sent', 'withdrawn', 'employer')).toBe(false);
    expect(mayMove('sent', 'viewed', 'staff')).toBe(false);
    expect(mayMove('viewed', 'expired', 'staff')).toBe(false);
  });

  it('lets only the system expire, and the CIP withdraw while it is open', () => {
    for (const from of ['sent', 'viewed', 'interview_planned'] as const) {
      expect(mayMove(from, 'expired', 'system')).toBe(true);
      expect(mayMove(from, 'withdrawn', 'staff')).toBe(true);
    }
  });

  it('closes for good: nothing leaves accepted, refused, expired or withdrawn', () => {
    for (const final of ['accepted', 'refused', 'expired', 'withdrawn'] as const) {
      expect(isFinal(final)).toBe(true);
      for (const to of proposalStatuses)
        for (const actor of ['employer', 'staff', 'system'] as const) expect(mayMove(final, to, actor)).toBe(false);
    }
    expect(allowedNext('viewed', 'employer')).toEqual(['interview_planned', 'refused']);
  });
});
