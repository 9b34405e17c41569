/**
 * Slots of an event, pure: each time window (local time in France) is cut into slots of `slotMinutes` separated by
 * `changeoverMinutes`; a last piece shorter than a slot is dropped (an interview is never cut short). Slots are stored,
 * so bookings and plans refer to rows, and a change of the rules never moves a booked interview silently.
 */
import type { TimeWindow } from './entities/event.entity';

export interface DerivedSlot {
  position: number;
  startsAt: Date;
  endsAt: Date;
}

export const MAX_SLOTS = 200;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Offset of Paris from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function parisOffsetMinutes(instant: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The instant of a local wall-clock time in Paris on a date (YYYY-MM-DD); DST-safe for daytime hours. */
export function parisInstant(date: string, minutesOfDay: number): Date {
  const [y, m, d] = date.split('-').map(Number);
  const naive = Date.UTC(y, m - 1, d) + minutesOfDay * 60_000;
  let instant = naive - parisOffsetMinutes(naive) * 60_000;
  instant = naive - parisOffsetMinutes(instant) * 60_000;
  return new Date(instant);
}

/** Windows must be `HH:MM`, each start before its end, in order and not overlapping: otherwise a French reason. */
export function windowProblem(windows: readonly TimeWindow[]): string | null {
  if (windows.length === 0) return 'au moins une plage horaire est requise';
  let previousEnd = -1;
  for (const w of windows) {
    const start = minutesOf(w.start);
    const end = minutesOf(w.end);
    if (start >= end) return `la plage ${w.start}–${w.end} doit finir après son début`;
    if (start < previousEnd) return `les plages doivent se suivre sans se chevaucher (${w.start})`;
    previousEnd = end;
  }
  return null;
}

export function deriveSlots(
  date: string,
  windows: readonly TimeWindow[],
  slotMinutes: number,
  changeoverMinutes: number,
): DerivedSlot[] {
  const slots: DerivedSlot[] = [];
  for (const w of windows) {
    const end = minutesOf(w.end);
    for (let start = minutesOf(w.start); start + slotMinutes <= end; start += slotMinutes + changeoverMinutes) {
      slots.push({
        position: slots.length + 1,
        startsAt: parisInstant(date, start),
        endsAt: parisInstant(date, start + slotMinutes),
      });
    }
  }
  return slots;
}
