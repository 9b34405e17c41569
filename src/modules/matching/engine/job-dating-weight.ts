/**
 * Weight of a (candidate, employer) pair for the job-dating scheduler, in the format of
 * `shared/bench/jobdating/README.md`: an integer in 1..100 for an ordinary pair, 150..300 for a priority pair, next to
 * a coverage bonus of 50 per candidate who gets at least one meeting.
 *
 * Why these numbers:
 * - What the people asked for weighs more than what the engine thinks: an employer's request (35) and a candidate's
 *   wish (24) together (59) outweigh a perfect match score (40). The score is a recommendation; a meeting both sides
 *   want is the one most likely to turn into a hire.
 * - The employer's request weighs more than the candidate's wish because tables are the scarce resource of a job dating
 *   and an employer who asked for someone is the best predictor of an offer.
 * - Even a perfect unrequested match (41) stays below the coverage bonus (50): the scheduler would rather give a
 *   candidate their first meeting than a second good one to someone already seen.
 * - Every listed pair weighs at least 1, so a meeting nobody asked for still beats an empty table.
 * - Priority pairs (set by the organiser: a parcours ending, a promise made to an employer) start at 150, above any
 *   ordinary pair plus the coverage bonus (100 + 50), so the scheduler never trades one away for an ordinary pair; the
 *   same three signals then order priority pairs among themselves up to 300.
 */
export interface JobDatingPairSignals {
  /** The engine's `normalizedScore` (0..1); 0 when the pair was never scored. Out-of-range values are clamped. */
  matchScore: number;
  /** The employer asked to meet this candidate. */
  employerAsked: boolean;
  /** The candidate (through their CIP) wished to meet this employer. */
  candidateWished: boolean;
  /** The organiser marked the pair as a priority. */
  priority: boolean;
}

export const JOB_DATING_WEIGHTS = Object.freeze({
  ordinary: Object.freeze({ base: 1, match: 40, employerAsked: 35, candidateWished: 24 }),
  priority: Object.freeze({ base: 150, match: 80, employerAsked: 40, candidateWished: 30 }),
});

export function pairWeightForJobDating({
  matchScore,
  employerAsked,
  candidateWished,
  priority,
}: JobDatingPairSignals): number {
  const w = priority ? JOB_DATING_WEIGHTS.priority : JOB_DATING_WEIGHTS.ordinary;
  const m = Number.isFinite(matchScore) ? Math.min(1, Math.max(0, matchScore)) : 0;
  return (
    w.base + Math.round(w.match * m) + (employerAsked ? w.employerAsked : 0) + (candidateWished ? w.candidateWished : 0)
  );
}
