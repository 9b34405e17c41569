/** The closed vocabularies of the plan, mirrored by CHECK constraints on the entities. */
export const planningRunStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export type PlanningRunStatus = (typeof planningRunStatuses)[number];

/** A run is active (holds the event's one active slot, UQ_event_planning_run_active) while queued or running. */
export const activeRunStatuses: readonly PlanningRunStatus[] = ['queued', 'running'];

export const planningPhases = ['snapshot', 'solving', 'storing'] as const;
export type PlanningPhase = (typeof planningPhases)[number];

export const planStatuses = ['optimal', 'feasible'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const meetingStatuses = ['planned', 'announced', 'cancelled', 'done', 'no_show'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/**
 * A live meeting holds its table, its candidate's slot and its pair: planned, announced (people were told) or done.
 * A cancelled meeting or a no-show frees them (the row stays: its id is the ICS UID, its sequence goes on).
 */
export const liveMeetingStatuses: readonly MeetingStatus[] = ['planned', 'announced', 'done'];

export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
