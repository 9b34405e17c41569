/**
 * The day's vocabulary and its pure rules (no I/O): presence as read from the columns, and where "now" stands among
 * the event's slots.
 */
export const presenceValues = ['present', 'absent', 'unrecorded'] as const;
export type Presence = (typeof presenceValues)[number];

export function presenceOf(row: { checkedInAt: Date | null; absentAt: Date | null }): Presence {
  if (row.checkedInAt) return 'present';
  if (row.absentAt) return 'absent';
  return 'unrecorded';
}

/** The columns a presence writes: exactly one of the two dates, or none (undo). */
export function presenceColumns(presence: Presence, now: Date): { checkedInAt: Date | null; absentAt: Date | null } {
  if (presence === 'present') return { checkedInAt: now, absentAt: null };
  if (presence === 'absent') return { checkedInAt: null, absentAt: now };
  return { checkedInAt: null, absentAt: null };
}

export interface TimedSlot {
  id: string;
  position: number;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Where `now` stands: the slot in progress (started, not ended), and the next one to start. Re-planning starts at
 * `next`: a slot that has begun is in progress, its meetings are kept whatever happens.
 */
export function slotsAround<S extends TimedSlot>(
  slots: readonly S[],
  now: Date,
): { current: S | null; next: S | null; past: S[] } {
  const t = now.getTime();
  const sorted = [...slots].sort((a, b) => a.position - b.position);
  const current = sorted.find((s) => s.startsAt.getTime() <= t && t < s.endsAt.getTime()) ?? null;
  const next = sorted.find((s) => s.startsAt.getTime() > t) ?? null;
  const past = sorted.filter((s) => s.endsAt.getTime() <= t);
  return { current, next, past };
}

/** Accent- and case-insensitive search key (the organiser types on a phone, often without accents). */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}
