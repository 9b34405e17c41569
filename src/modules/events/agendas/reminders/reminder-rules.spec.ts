import { dueReminders, reminderKind } from './reminder-rules';

describe('dueReminders', () => {
  const start = new Date('2027-03-12T08:00:00Z');
  const at = (iso: string) => dueReminders([1, 2], start, new Date(iso));

  it('is empty before J-2, then J-2, then J-1 with J-2 superseded, then nothing once the event started', () => {
    expect(at('2027-03-10T07:59:59Z')).toEqual([]);
    expect(at('2027-03-10T08:00:00Z').map((r) => [r.kind, r.superseded])).toEqual([['event_reminder_j2', false]]);
    expect(at('2027-03-11T09:00:00Z').map((r) => [r.kind, r.superseded])).toEqual([
      ['event_reminder_j2', true],
      ['event_reminder_j1', false],
    ]);
    expect(at('2027-03-12T07:59:00Z')).toHaveLength(2);
    expect(at('2027-03-12T08:00:00Z')).toEqual([]);
  });

  it('dates each kind from the first slot, whatever the order of the configured offsets', () => {
    expect(dueReminders([2, 1, 2], start, new Date('2027-03-11T09:00:00Z')).map((r) => r.dueAt.toISOString())).toEqual([
      '2027-03-10T08:00:00.000Z',
      '2027-03-11T08:00:00.000Z',
    ]);
    expect(reminderKind(3)).toBe('event_reminder_j3');
  });
});
