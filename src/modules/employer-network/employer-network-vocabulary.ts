/** The closed vocabularies of the employer network, mirrored by CHECK constraints on the entities. */
export const sizeBands = ['micro', 'small', 'medium', 'large'] as const;
export type SizeBand = (typeof sizeBands)[number];

export const preferredChannels = ['email', 'phone', 'sms', 'visit'] as const;
export type PreferredChannel = (typeof preferredChannels)[number];

export const interactionKinds = [
  'call',
  'email',
  'visit',
  'immersion_hosted',
  'hire',
  'event_attended',
  'interview',
] as const;
export type InteractionKind = (typeof interactionKinds)[number];

export const contractTypes = [
  'cdi',
  'cdd',
  'interim',
  'apprenticeship',
  'professionalisation',
  'iae',
  'other',
] as const;
export type ContractType = (typeof contractTypes)[number];

/** Accommodations an employer accepts: what opens a need to people far from employment. */
export const accommodations = [
  'beginner_french',
  'no_driving_licence',
  'no_experience',
  'part_time',
  'reduced_mobility',
  'no_diploma',
] as const;
export type Accommodation = (typeof accommodations)[number];

export const needStatuses = ['open', 'filled', 'closed', 'expired'] as const;
export type NeedStatus = (typeof needStatuses)[number];

export const solicitationKinds = ['event_invitation', 'candidate_proposal', 'information'] as const;
export type SolicitationKind = (typeof solicitationKinds)[number];

export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
