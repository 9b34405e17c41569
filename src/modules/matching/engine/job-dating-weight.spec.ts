import fc from 'fast-check';
import { pairWeightForJobDating, type JobDatingPairSignals } from './job-dating-weight';

const signalsArb: fc.Arbitrary<JobDatingPairSignals> = fc.record({
  matchScore: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.double()),
  employerAsked: fc.boolean(),
  candidateWished: fc.boolean(),
  priority: fc.boolean(),
});
const COVERAGE_BONUS = 50; // shared/bench/jobdating format

describe('job-dating pair weight', () => {
  it('is an integer in 1..100, or 150..300 for a priority pair, whatever the match score (even NaN)', () => {
    fc.assert(
      fc.property(signalsArb, (s) => {
        const w = pairWeightForJobDating(s);
        expect(Number.isInteger(w)).toBe(true);
        if (s.priority) {
          expect(w).toBeGreaterThanOrEqual(150);
          expect(w).toBeLessThanOrEqual(300);
        } else {
          expect(w).toBeGreaterThanOrEqual(1);
          expect(w).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('reaches the ends of both ranges', () => {
    expect(
      pairWeightForJobDating({ matchScore: 0, employerAsked: false, candidateWished: false, priority: false }),
    ).toBe(1);
    expect(pairWeightForJobDating({ matchScore: 1, employerAsked: true, candidateWished: true, priority: false })).toBe(
      100,
    );
    expect(
      pairWeightForJobDating({ matchScore: 0, employerAsked: false, candidateWished: false, priority: true }),
    ).toBe(150);
    expect(pairWeightForJobDating({ matchScore: 1, employerAsked: true, candidateWished: true, priority: true })).toBe(
      300,
    );
  });

  it('never decreases when a signal gets stronger', () => {
    fc.assert(
      fc.property(signalsArb, fc.double({ min: 0, max: 1, noNaN: true }), (s, bump) => {
        const w = pairWeightForJobDating(s);
        const m = Number.isFinite(s.matchScore) ? Math.min(1, Math.max(0, s.matchScore)) : 0;
        expect(pairWeightForJobDating({ ...s, matchScore: Math.min(1, m + bump) })).toBeGreaterThanOrEqual(w);
        expect(pairWeightForJobDating({ ...s, employerAsked: true })).toBeGreaterThanOrEqual(w);
        expect(pairWeightForJobDating({ ...s, candidateWished: true })).toBeGreaterThanOrEqual(w);
        expect(pairWeightForJobDating({ ...s, priority: true })).toBeGreaterThan(
          w + (s.priority ? -1 : COVERAGE_BONUS),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('puts what people asked for above the engine: a mutual request beats a perfect unrequested match', () => {
    const mutual = pairWeightForJobDating({
      matchScore: 0,
      employerAsked: true,
      candidateWished: true,
      priority: false,
    });
    const perfect = pairWeightForJobDating({
      matchScore: 1,
      employerAsked: false,
      candidateWished: false,
      priority: false,
    });
    const asked = pairWeightForJobDating({
      matchScore: 0.5,
      employerAsked: true,
      candidateWished: false,
      priority: false,
    });
    const wished = pairWeightForJobDating({
      matchScore: 0.5,
      employerAsked: false,
      candidateWished: true,
      priority: false,
    });
    expect(mutual).toBeGreaterThan(perfect);
    expect(asked).toBeGreaterThan(wished);
    expect(perfect).toBeLessThan(COVERAGE_BONUS);
  });
});
