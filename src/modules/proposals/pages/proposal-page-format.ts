import { contractLabels, evidenceLabels, frenchDay } from '../../events/pages/page-format';

export { contractLabels, evidenceLabels, frenchDay };

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});
export const frenchDateTime = (iso: string) => dateTime.format(new Date(iso));

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });

/**
 * A `datetime-local` value ("2027-02-03T10:00", a wall-clock time in Lyon) as an ISO instant: the offset of Paris at
 * that moment (winter +01:00, summer +02:00). Anything else is returned as typed, for the DTO to refuse.
 */
export function parisLocalToIso(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return value;
  const guess = new Date(`${value}:00Z`);
  if (Number.isNaN(guess.getTime())) return value;
  const name = offsetFormat.formatToParts(guess).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const offset = match ? `${match[1]}${match[2]}:${match[3]}` : '+01:00';
  return new Date(`${value}:00${offset}`).toISOString();
}

export const workTimeLabels: Record<string, string> = {
  full_time: 'temps plein',
  part_time: 'temps partiel',
  either: 'temps plein ou partiel',
};
