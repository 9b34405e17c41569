/**
 * Public types of the scheduling engine. The instance shape is format v1 of
 * `shared/bench/jobdating/README.md`, plus an optional `locked` list used for
 * re-planning on the day.
 */

export interface SlotInput {
  id: string;
  start?: string;
  end?: string;
}

export interface EmployerInput {
  id: string;
  tables: number;
  available: string[];
  maxMeetings?: number | null;
}

export interface CandidateInput {
  id: string;
  available: string[];
  maxMeetings?: number | null;
}

export interface PairInput {
  candidate: string;
  employer: string;
  weight: number;
  priority?: boolean;
}

export interface Meeting {
  candidate: string;
  employer: string;
  slot: string;
  table: number;
}

export interface ScheduleInstance {
  version: 1;
  name?: string;
  slots: SlotInput[];
  employers: EmployerInput[];
  candidates: CandidateInput[];
  pairs: PairInput[];
  coverageBonus?: number;
  /**
   * Meetings that must be kept as they are (announced, in progress or done).
   * They must form a feasible partial schedule of this instance.
   */
  locked?: Meeting[];
}

export interface SolveOptions {
  /** Wall-clock budget in seconds for the whole solve (default 60). */
  timeLimitSeconds?: number;
  /** Seed of every randomised step; the same input and seed give the same result. */
  seed?: number;
  /** Extra locked meetings, on top of `instance.locked`. */
  locked?: Meeting[];
  /**
   * Most rounds of putting per-slot rules back into the flow relaxation before the
   * exact phase (default 12; 0 goes straight to HiGHS, for tests and comparisons).
   */
  maxRefinements?: number;
}

export type ScheduleStatus = 'optimal' | 'feasible';

export interface ScheduleStats {
  /** Which step produced the returned plan. */
  method: 'empty' | 'heuristic' | 'flow+colouring' | 'lp' | 'mip' | 'incumbent';
  flowBound: number;
  /** Bound after the per-slot rules of the hot candidates and employers were put back (= flowBound when not needed). */
  refinedBound?: number;
  refinements?: number;
  hotCandidates?: number;
  hotEmployers?: number;
  greedyObjective: number;
  lockedMeetings: number;
  lpVariables: number;
  mipVariables: number;
  mipStatus: string | null;
  timings: Record<string, number>;
}

export interface ScheduleResult {
  /** Every meeting of the plan, locked ones included. */
  meetings: Meeting[];
  /** Σ weights of the scheduled pairs + coverageBonus × covered candidates. */
  objective: number;
  /** Proven upper bound on the best objective reachable with the locked meetings kept. */
  bound: number;
  gap: number;
  status: ScheduleStatus;
  solveTimeSeconds: number;
  stats: ScheduleStats;
}
