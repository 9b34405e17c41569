/** The closed vocabularies of events, mirrored by CHECK constraints on the entities. */
export const eventKinds = ['job_dating', 'company_visit', 'forum', 'information_session'] as const;
export type EventKind = (typeof eventKinds)[number];

export const eventStatuses = ['draft', 'open', 'planning', 'published', 'running', 'closed', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/**
 * The only moves an event makes. `planning` may go back to `open` (an organiser reopens registrations before
 * publishing); once published, people have been told, so the only ways out are running the day or cancelling it.
 */
export const eventTransitions: { readonly [S in EventStatus]: readonly EventStatus[] } = {
  draft: ['open', 'cancelled'],
  open: ['planning', 'cancelled'],
  planning: ['open', 'published', 'cancelled'],
  published: ['running', 'cancelled'],
  running: ['closed'],
  closed: [],
  cancelled: [],
};

/** The column dating each status (the history table keeps every move; these say when the current one started). */
export const statusDateColumn: { readonly [S in EventStatus]: string | null } = {
  draft: null,
  open: 'opened_at',
  planning: 'planning_at',
  published: 'published_at',
  running: 'running_at',
  closed: 'closed_at',
  cancelled: 'cancelled_at',
};

export const invitationStatuses = ['sent', 'confirmed', 'declined'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

/**
 * A registration holds one of its SIAE's places while `pending` (registered by the CIP, not yet decided) or `accepted`;
 * `waitlisted`, `declined` and `withdrawn` hold none.
 */
export const registrationStatuses = ['pending', 'accepted', 'waitlisted', 'declined', 'withdrawn'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
export const placeHoldingStatuses: readonly RegistrationStatus[] = ['pending', 'accepted'];

export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
