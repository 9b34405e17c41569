/** How the engine's reasons name things: always in French, always for a professional reader. */
import { softSkills } from '../../candidates/candidate-vocabulary';
import type { DrivingLicence, EvidenceLevel, SoftSkill, TransportMean, WorkTime } from './types';

export const evidenceLabel: Record<EvidenceLevel, string> = {
  declared: 'déclarée',
  observed: 'observée en situation de travail',
  certified: 'certifiée',
};

export const transportLabel: Record<TransportMean, string> = {
  car: 'voiture',
  motorbike: 'deux-roues motorisé',
  bicycle: 'vélo',
  public_transport: 'transports en commun',
  walking: 'à pied',
  carpool: 'covoiturage',
};

export const workTimeLabel: Record<WorkTime, string> = {
  full_time: 'temps plein',
  part_time: 'temps partiel',
  either: 'temps plein ou partiel',
};

export function softSkillLabel(code: SoftSkill): string {
  return softSkills[code] ?? code;
}

export function licenceLabel(licence: DrivingLicence): string {
  return licence === 'CACES' ? 'CACES' : `permis ${licence}`;
}

/** `12,4` — one decimal, French decimal comma. */
export function frenchNumber(value: number, decimals = 1): string {
  const f = 10 ** decimals;
  return String(Math.round(value * f) / f).replace('.', ',');
}

/** "a, b et c" */
export function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n >= 2 || n <= -2 ? pluralForm : singular}`;
}
