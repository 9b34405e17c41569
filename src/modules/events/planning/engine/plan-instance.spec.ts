import { solveSchedule } from '../../../scheduling/engine';
import { buildInstance, COVERAGE_BONUS, pairKey, planFromResult, type PlanningSnapshot } from './plan-instance';

const slots = [
  { id: 's1', position: 1 },
  { id: 's2', position: 2 },
  { id: 's3', position: 3 },
];

function snapshot(overrides: Partial<PlanningSnapshot> = {}): PlanningSnapshot {
  return {
    slots,
    candidates: ['c1', 'c2', 'c3', 'c4'].map((id) => ({ registrationId: id, presentSlotIds: [], maxInterviews: 3 })),
    employers: [
      {
        invitationId: 'e1',
        maxInterviews: null,
        // two tables (3 and 5) in s1, only table 5 in s2, none in s3
        cells: [
          { slotId: 's1', tableNumber: 5 },
          { slotId: 's1', tableNumber: 3 },
          { slotId: 's2', tableNumber: 5 },
        ],
      },
      { invitationId: 'e2', maxInterviews: 2, cells: slots.map((s) => ({ slotId: s.id, tableNumber: 1 })) },
    ],
    scores: new Map(),
    excluded: new Set(),
    requests: [],
    wishes: [],
    meetings: [],
    fromSlotPosition: null,
    lockedMeetingIds: [],
    ...overrides,
  };
}

describe('plan instance: from the room to the engine and back', () => {
  it('maps engine tables onto the tables booked at each slot, never one the employer did not book', async () => {
    const { instance, mapping } = buildInstance(snapshot());
    const result = await solveSchedule(instance, { timeLimitSeconds: 5 });
    const plan = planFromResult(result, mapping);
    const e1 = plan.meetings.filter((m) => m.invitationId === 'e1');
    expect(
      e1
        .filter((m) => m.slotId === 's1')
        .map((m) => m.tableNumber)
        .sort(),
    ).toEqual([3, 5]);
    expect(e1.filter((m) => m.slotId === 's2').map((m) => m.tableNumber)).toEqual([5]);
    expect(e1.filter((m) => m.slotId === 's3')).toEqual([]);
    // e2 holds one table in each of 3 slots but takes at most 2 meetings
    expect(plan.meetings.filter((m) => m.invitationId === 'e2')).toHaveLength(2);
    // the objective is the real plan's: weight 1 per unscored pair + the bonus per candidate seen, phantoms removed
    const covered = new Set(plan.meetings.map((m) => m.registrationId)).size;
    expect(plan.objective).toBe(plan.meetings.length + covered * COVERAGE_BONUS);
    expect(plan.phantoms).toBe(1);
    expect(plan.bound).toBeGreaterThanOrEqual(plan.objective);
  });

  it('weights pairs with the matching score, requests, wishes and priorities, and leaves excluded pairs out', () => {
    const { instance } = buildInstance(
      snapshot({
        scores: new Map([[pairKey('c1', 'e1'), 1]]),
        excluded: new Set([pairKey('c2', 'e1'), pairKey('c3', 'e1')]),
        requests: [{ registrationId: 'c3', invitationId: 'e1', priority: true }],
        wishes: [{ registrationId: 'c4', invitationId: 'e2' }],
      }),
    );
    const weight = (c: string, e: string) => instance.pairs.find((p) => p.candidate === c && p.employer === e);
    expect(weight('c1', 'e1')?.weight).toBe(41);
    expect(weight('c2', 'e1')).toBeUndefined();
    expect(weight('c3', 'e1')).toMatchObject({ weight: 190, priority: true });
    expect(weight('c4', 'e2')?.weight).toBe(25);
  });

  it('re-plans from a slot: past meetings stay, nothing new goes into the past, caps count what happened', async () => {
    const meetings = [
      {
        id: 'm1',
        registrationId: 'c1',
        invitationId: 'e2',
        slotId: 's1',
        tableNumber: 1,
        status: 'planned' as const,
        cancelledByOrganiser: false,
      },
      {
        id: 'm2',
        registrationId: 'c2',
        invitationId: 'e1',
        slotId: 's1',
        tableNumber: 3,
        status: 'no_show' as const,
        cancelledByOrganiser: false,
      },
    ];
    const { instance, mapping } = buildInstance(snapshot({ meetings, fromSlotPosition: 2 }));
    const plan = planFromResult(await solveSchedule(instance, { timeLimitSeconds: 5 }), mapping);
    expect(plan.meetings.filter((m) => m.slotId === 's1')).toEqual([
      { registrationId: 'c1', invitationId: 'e2', slotId: 's1', tableNumber: 1, locked: true },
    ]);
    // the missed pair is not planned again; e2's cap of 2 counts the kept meeting
    expect(plan.meetings.some((m) => m.registrationId === 'c2' && m.invitationId === 'e1')).toBe(false);
    expect(plan.meetings.filter((m) => m.invitationId === 'e2')).toHaveLength(2);
  });

  it('keeps announced meetings where they are and reports the ones that can no longer be kept', async () => {
    const announced = (id: string, registrationId: string, slotId: string, tableNumber: number) => ({
      id,
      registrationId,
      invitationId: 'e1',
      slotId,
      tableNumber,
      status: 'announced' as const,
      cancelledByOrganiser: false,
    });
    const { instance, mapping } = buildInstance(
      snapshot({
        candidates: [
          { registrationId: 'c1', presentSlotIds: [], maxInterviews: 3 },
          { registrationId: 'c2', presentSlotIds: ['s1'], maxInterviews: 3 },
        ],
        meetings: [announced('m1', 'c1', 's2', 5), announced('m2', 'c2', 's2', 5), announced('m3', 'gone', 's1', 3)],
      }),
    );
    expect(mapping.unkeepable).toEqual([
      { meetingId: 'm2', reason: 'candidate-absent' },
      { meetingId: 'm3', reason: 'candidate' },
    ]);
    const plan = planFromResult(await solveSchedule(instance, { timeLimitSeconds: 5 }), mapping);
    expect(plan.meetings).toContainEqual({
      registrationId: 'c1',
      invitationId: 'e1',
      slotId: 's2',
      tableNumber: 5,
      locked: true,
    });
  });
});
