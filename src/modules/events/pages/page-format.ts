import type { Accommodation, ContractType } from '../../employer-network/employer-network-vocabulary';

/** What the pages print: French labels of the vocabularies and local (France) times. */
export const accommodationLabels: Record<Accommodation, string> = {
  beginner_french: 'Français débutant accepté',
  no_driving_licence: 'Sans permis de conduire',
  no_experience: 'Sans expérience',
  part_time: 'Temps partiel possible',
  reduced_mobility: 'Poste accessible (mobilité réduite)',
  no_diploma: 'Sans diplôme',
};

export const contractLabels: Record<ContractType, string> = {
  cdi: 'CDI',
  cdd: 'CDD',
  interim: 'Intérim',
  apprenticeship: 'Apprentissage',
  professionalisation: 'Contrat de professionnalisation',
  iae: 'Contrat d’insertion (IAE)',
  other: 'Autre',
};

export const evidenceLabels: Record<string, string> = {
  declared: 'déclarée',
  observed: 'observée en situation de travail',
  certified: 'certifiée',
};

const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
const day = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Paris',
});

export const hhmm = (iso: string | Date) => time.format(new Date(iso));
export const slotLabel = (slot: { startsAt: string; endsAt: string }) =>
  `${hhmm(slot.startsAt)} – ${hhmm(slot.endsAt)}`;
export const frenchDay = (date: string) => day.format(new Date(`${date}T12:00:00Z`));

/** Form bodies (urlencoded, not extended): a repeated field is an array, a single one a string. */
export function formList(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map(String).filter((v) => v !== '');
}

export function formInt(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
}
