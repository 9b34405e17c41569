/**
 * The reminders' rules, pure: which kinds are due for an event at an instant, and which one a person gets when several
 * are (a worker that was down over J-2 and J-1 sends the J-1 only, and records the J-2 as superseded).
 */
export const DAY_MS = 86_400_000;

/** Who a reminder goes to; stored in `reminder_dispatch.person_type`. */
export const reminderPersonTypes = { candidate: 'event_registration', employer: 'event_invitation' } as const;
export type ReminderPersonType = (typeof reminderPersonTypes)[keyof typeof reminderPersonTypes];

export const reminderKind = (days: number) => `event_reminder_j${days}`;

/** Why a claimed reminder was not sent (read again at send time); `superseded` is decided by the sweep. */
export const reminderSkipReasons = [
  'superseded',
  'event_cancelled',
  'event_not_published',
  'event_started',
  'registration_withdrawn',
  'invitation_withdrawn',
  'meeting_cancelled',
  'no_contact',
] as const;
export type ReminderSkipReason = (typeof reminderSkipReasons)[number];

export interface DueReminder {
  kind: string;
  days: number;
  dueAt: Date;
  /** A later reminder is due too: this one is recorded as skipped (`superseded`), never sent. */
  superseded: boolean;
}

/**
 * The reminder kinds due at `now` for an event whose first slot starts at `firstStart`: each offset `d` is due from
 * `firstStart - d days` until the event starts (a missed sweep catches up), the closest one only being sent.
 */
export function dueReminders(days: readonly number[], firstStart: Date, now: Date): DueReminder[] {
  if (now.getTime() >= firstStart.getTime()) return [];
  const due = [...new Set(days)]
    .sort((a, b) => b - a)
    .map((d) => ({ kind: reminderKind(d), days: d, dueAt: new Date(firstStart.getTime() - d * DAY_MS) }))
    .filter((r) => r.dueAt.getTime() <= now.getTime());
  return due.map((r, i) => ({ ...r, superseded: i < due.length - 1 }));
}

/** "dans 2 jours", "demain"… as the message says it, from the reminder's offset. */
export function whenLabel(days: number): string {
  if (days === 1) return 'demain';
  if (days === 2) return 'après-demain';
  return `dans ${days} jours`;
}
