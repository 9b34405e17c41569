import { deriveSlots, parisInstant, windowProblem } from './slots';

describe('event slots', () => {
  it('cuts a morning into 15-minute slots with a 5-minute changeover, dropping a last piece too short', () => {
    const slots = deriveSlots('2026-03-12', [{ start: '09:00', end: '10:00' }], 15, 5);
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-03-12T08:00:00.000Z',
      '2026-03-12T08:20:00.000Z',
      '2026-03-12T08:40:00.000Z',
    ]);
    expect(slots[2].endsAt.toISOString()).toBe('2026-03-12T08:55:00.000Z');
    expect(deriveSlots('2026-03-12', [{ start: '09:00', end: '09:50' }], 15, 5)).toHaveLength(2);
  });

  it('numbers slots across the windows and follows summer time', () => {
    const slots = deriveSlots(
      '2026-06-18',
      [
        { start: '09:00', end: '09:40' },
        { start: '14:00', end: '14:20' },
      ],
      20,
      0,
    );
    expect(slots.map((s) => [s.position, s.startsAt.toISOString()])).toEqual([
      [1, '2026-06-18T07:00:00.000Z'],
      [2, '2026-06-18T07:20:00.000Z'],
      [3, '2026-06-18T12:00:00.000Z'],
    ]);
  });

  it('reads local time on the day clocks change', () => {
    expect(parisInstant('2026-03-29', 9 * 60).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(parisInstant('2026-10-25', 9 * 60).toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });

  it('refuses windows that are empty, reversed or overlapping', () => {
    expect(windowProblem([])).toMatch(/au moins une plage/);
    expect(windowProblem([{ start: '10:00', end: '09:00' }])).toMatch(/finir après/);
    expect(
      windowProblem([
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '13:00' },
      ]),
    ).toMatch(/chevaucher/);
    expect(windowProblem([{ start: '09:00', end: '12:00' }])).toBeNull();
  });
});
