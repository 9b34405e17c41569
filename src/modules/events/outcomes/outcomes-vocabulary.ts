import type { InteractionKind } from '../../employer-network/employer-network-vocabulary';

/** What followed a meeting (issue 15 §6), mirrored by CK_event_outcome_kind. */
export const outcomeKinds = ['none', 'second_interview', 'immersion', 'hire'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

/** Who recorded it: the employer through its link, or the candidate's CIP (CK_event_outcome_recorded_by). */
export const outcomeAuthors = ['employer', 'cip'] as const;
export type OutcomeAuthor = (typeof outcomeAuthors)[number];

export const outcomeLabels: Record<OutcomeKind, string> = {
  none: 'Pas de suite',
  second_interview: 'Second entretien',
  immersion: 'Immersion (PMSMP)',
  hire: 'Embauche',
};

/**
 * The interaction each outcome becomes on the pooled company (employer-network's closed vocabulary, unchanged): a hire
 * and an immersion are the outcomes reciprocity counts; "nothing" and a second interview are the company having met
 * the candidate at the event, with the outcome in the note.
 */
export const interactionOfOutcome: Record<OutcomeKind, InteractionKind> = {
  none: 'event_attended',
  second_interview: 'event_attended',
  immersion: 'immersion_hosted',
  hire: 'hire',
};
