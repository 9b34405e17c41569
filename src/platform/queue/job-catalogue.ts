/**
 * Every background job the system knows: its queue and its payload type. A payload carries ids and a version, never
 * whole entities, so that a job re-reads the current state when it runs. Add a job here, give it exactly one
 * `@HandlesJob` provider, and the worker refuses to boot until both exist.
 */
export enum QueueName {
  Notifications = 'notifications',
  Maintenance = 'maintenance',
  Pooling = 'pooling',
  Scheduling = 'scheduling',
}

export interface JobPayloads {
  'mail.send': { v: 1; mailId: string };
  /** Selects candidates due for anonymisation (RETENTION_MONTHS after leaving) and fans out one job each. */
  'candidates.retention.sweep': { v: 1 };
  'candidates.anonymise': { v: 1; candidateId: string };
  /** Links the records shared with a collective into pooled companies (run row = progress and idempotence). */
  'employer-network.pool': { v: 1; collectiveId: string; runId: string };
  /** Runs a stored CSV import of an SIAE's company list (the row holds the file; all or nothing). */
  'employer-network.import': { v: 1; importId: string };
  /** Expires open hiring needs unconfirmed for HIRING_NEED_EXPIRY_DAYS (one set-based update). */
  'employer-network.needs.expire': { v: 1 };
  /** Selects event invitations unanswered past their relaunch date and not yet relaunched; one job each. */
  'events.invitations.relaunch-sweep': { v: 1 };
  /** The one automatic relaunch of an invitation (re-reads it: answered, revoked or already relaunched → skipped). */
  'events.invitation.relaunch': { v: 1; invitationId: string };
  /** Sends one logged SMS through the configured provider (notifications). */
  'sms.send': { v: 1; smsId: string };
  /** Computes a planning run (events/planning): job id = run id; the run row is the progress and the idempotence. */
  'events.plan.compute': { v: 1; runId: string };
  /**
   * The plan changed for people (published, re-planned after publication, a meeting cancelled): mails the CIPs. `v: 1`
   * payloads were queued before the employers' side moved to `events.plan.employers-notify`: their handler hands it on.
   */
  'events.plan.notify': PlanChangePayload | CipPlanChangePayload;
  /** The same change, for the candidates' side (their agendas and messages: events/agendas owns this handler). */
  'events.plan.candidates-notify': PlanChangePayload;
  /** The same change, for the employers' side (their meetings and their agenda as ICS: events/agendas). */
  'events.plan.employers-notify': PlanChangePayload;
  /** Selects proposals due for a relaunch, a CIP alert or an expiry (or whose need closed), not done yet; one job each. */
  'proposals.sweep': { v: 1 };
  /** One of those chores on one proposal (re-reads it: no longer due → skipped). */
  'proposals.chore': { v: 1; proposalId: string; chore: 'relaunch' | 'alert' | 'expire' | 'need-closed' };
  /** Claims the employers due their outcome request (the day after the event) in reminder_dispatch; one job per claim. */
  'events.outcomes.request-sweep': { v: 1 };
  /** The one outcome request of an employer: its claimed dispatch row, moved once (sent or skipped). */
  'events.outcome.request': { v: 1; dispatchId: string };
  /** Claims the reminders J-n due (until the event starts) in reminder_dispatch; one job per claim (events/agendas). */
  'events.reminders.sweep': { v: 1 };
  /** One reminder to one person: its claimed dispatch row, moved once (sent or skipped with the reason read then). */
  'events.reminder.send': { v: 1; dispatchId: string };
}

/** What changed in an event's plan, and which meetings (ids of `event_meeting`); see events/planning/README.md. */
export interface PlanChangePayload {
  v: 1;
  eventId: string;
  change: 'published' | 'replanned' | 'meeting-cancelled';
  meetingIds: string[];
}

/** `events.plan.notify` since the employers' notices left it: the same change, for the CIPs only. */
export type CipPlanChangePayload = Omit<PlanChangePayload, 'v'> & { v: 2 };

export type JobName = keyof JobPayloads;

export const jobQueue: { readonly [K in JobName]: QueueName } = {
  'mail.send': QueueName.Notifications,
  'candidates.retention.sweep': QueueName.Maintenance,
  'candidates.anonymise': QueueName.Maintenance,
  'employer-network.pool': QueueName.Pooling,
  'employer-network.import': QueueName.Pooling,
  'employer-network.needs.expire': QueueName.Maintenance,
  'events.invitations.relaunch-sweep': QueueName.Notifications,
  'events.invitation.relaunch': QueueName.Notifications,
  'sms.send': QueueName.Notifications,
  'events.plan.compute': QueueName.Scheduling,
  'events.plan.notify': QueueName.Notifications,
  'events.plan.candidates-notify': QueueName.Notifications,
  'events.plan.employers-notify': QueueName.Notifications,
  'proposals.sweep': QueueName.Notifications,
  'proposals.chore': QueueName.Notifications,
  'events.outcomes.request-sweep': QueueName.Notifications,
  'events.outcome.request': QueueName.Notifications,
  'events.reminders.sweep': QueueName.Notifications,
  'events.reminder.send': QueueName.Notifications,
};

export const allJobNames = Object.keys(jobQueue) as JobName[];

/**
 * Jobs that run on a calendar (Europe/Paris). Each is a sweep that selects what is due and not done, so a missed run
 * catches up at the next one; registering them is idempotent (BullMQ job schedulers), so every worker start does it.
 */
export const recurringJobs: { readonly [K in JobName]?: { pattern: string; payload: JobPayloads[K] } } = {
  'candidates.retention.sweep': { pattern: '0 3 * * *', payload: { v: 1 } },
  'employer-network.needs.expire': { pattern: '30 3 * * *', payload: { v: 1 } },
  'events.invitations.relaunch-sweep': { pattern: '*/15 * * * *', payload: { v: 1 } },
  'proposals.sweep': { pattern: '*/15 * * * *', payload: { v: 1 } },
  'events.outcomes.request-sweep': { pattern: '5 * * * *', payload: { v: 1 } },
  'events.reminders.sweep': { pattern: '*/15 * * * *', payload: { v: 1 } },
};

/** Retries with exponential backoff; failed jobs are kept for inspection, completed ones trimmed. */
export const defaultJobOptions = {
  attempts: 6,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: { count: 5000 },
  removeOnFail: false,
};
