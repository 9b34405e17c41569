import {
  eventFigures,
  meetingHeld,
  totalFigures,
  type ReportSnapshot,
  type SnapshotInvitation,
  type SnapshotRegistration,
} from './report-figures';

const inv = (id: string, over: Partial<SnapshotInvitation> = {}): SnapshotInvitation => ({
  id,
  status: 'confirmed',
  revoked: false,
  checkedIn: true,
  absent: false,
  leftEarly: false,
  ...over,
});
const reg = (id: string, siaeId: string, over: Partial<SnapshotRegistration> = {}): SnapshotRegistration => ({
  id,
  siaeId,
  siaeName: siaeId === 's1' ? 'Atelier Un' : 'Boutique Deux',
  status: 'accepted',
  checkedIn: true,
  absent: false,
  walkIn: false,
  ...over,
});

function snapshot(): ReportSnapshot {
  return {
    eventDate: '2026-12-10',
    invitations: [
      inv('e1'),
      inv('e2', { leftEarly: true }),
      inv('e3', { checkedIn: false, absent: true }),
      inv('e4', { status: 'declined', checkedIn: false }),
      inv('e5', { revoked: true, checkedIn: false }),
    ],
    registrations: [
      reg('r1', 's1'),
      reg('r2', 's1', { checkedIn: false, absent: true }),
      reg('r3', 's2'),
      reg('r4', 's2', { walkIn: true }),
      reg('r5', 's2', { status: 'withdrawn', checkedIn: false }),
      reg('r6', 's1', { status: 'waitlisted', checkedIn: false }),
    ],
    meetings: [
      { id: 'm1', registrationId: 'r1', invitationId: 'e1', status: 'done', slotEnded: true },
      { id: 'm2', registrationId: 'r1', invitationId: 'e2', status: 'announced', slotEnded: true },
      { id: 'm3', registrationId: 'r2', invitationId: 'e1', status: 'no_show', slotEnded: true },
      { id: 'm4', registrationId: 'r3', invitationId: 'e3', status: 'announced', slotEnded: true },
      { id: 'm5', registrationId: 'r4', invitationId: 'e1', status: 'announced', slotEnded: false },
      { id: 'm6', registrationId: 'r3', invitationId: 'e1', status: 'cancelled', slotEnded: true },
    ],
    outcomes: [
      { meetingId: 'm1', kind: 'hire', startDate: '2027-01-04', contractType: 'cdi' },
      { meetingId: 'm2', kind: 'second_interview', startDate: null, contractType: null },
    ],
    plan: { status: 'optimal', objective: 120, bound: 120, gap: 0 },
  };
}

describe('impact figures of an event', () => {
  it('counts employers invited (revoked invitations aside), present, absent and gone early', () => {
    expect(eventFigures(snapshot()).employers).toEqual({
      invited: 4,
      confirmed: 3,
      declined: 1,
      present: 2,
      absent: 1,
      leftEarly: 1,
    });
  });

  it('counts a meeting held when marked done, or when its slot is over with both sides there', () => {
    const s = snapshot();
    const [m1, m2, m3, m4, m5] = s.meetings;
    const r = new Map(s.registrations.map((x) => [x.id, x]));
    const e = new Map(s.invitations.map((x) => [x.id, x]));
    const held = (m: typeof m1) => meetingHeld(m, r.get(m.registrationId), e.get(m.invitationId));
    // m2: the employer left early, m4: the employer never came, m5: slot not over yet.
    expect([m1, m2, m3, m4, m5].map(held)).toEqual([true, false, false, false, false]);
    expect(eventFigures(s).interviews).toEqual({ planned: 5, held: 1, cancelled: 1, noShow: 1 });
  });

  it('gives coverage over the candidates present, per SIAE too, with walk-ins counted', () => {
    const f = eventFigures(snapshot());
    expect(f.candidates).toEqual({
      registered: 5,
      accepted: 4,
      present: 3,
      absent: 1,
      walkIns: 1,
      withInterview: 1,
      coverage: 1 / 3,
    });
    expect(f.bySiae.map((s) => [s.siaeName, s.registered, s.present, s.interviews, s.hires])).toEqual([
      ['Atelier Un', 3, 1, 1, 1],
      ['Boutique Deux', 2, 2, 0, 0],
    ]);
  });

  it('counts outcomes by kind, hires by contract, and the days from the event to each hire', () => {
    const { outcomes } = eventFigures(snapshot());
    expect(outcomes).toMatchObject({ recorded: 2, none: 0, secondInterview: 1, immersion: 0, hire: 1 });
    expect(outcomes.hiresByContract).toEqual([{ contractType: 'cdi', count: 1 }]);
    expect(outcomes.daysToHire).toEqual([25]);
    expect(outcomes.daysToHireMedian).toBe(25);
  });

  it('before anyone is checked in, coverage is over the candidates accepted', () => {
    const s = snapshot();
    s.registrations = s.registrations.map((r) => ({ ...r, checkedIn: false, absent: false }));
    s.meetings = s.meetings.map((m) => ({ ...m, status: m.id === 'm1' ? 'done' : 'announced' }));
    expect(eventFigures(s).candidates.coverage).toBe(1 / 4);
  });

  it('adds up a collective’s events: counts summed, coverage and median delay recomputed, gaps averaged', () => {
    const a = eventFigures(snapshot());
    const other = snapshot();
    other.outcomes = [{ meetingId: 'm1', kind: 'hire', startDate: '2026-12-20', contractType: 'cdd' }];
    other.plan = { status: 'feasible', objective: 90, bound: 100, gap: 10 };
    const b = eventFigures(other);
    const t = totalFigures([a, b]);
    expect(t.employers.invited).toBe(8);
    expect(t.candidates.coverage).toBe(2 / 6);
    expect(t.outcomes.hire).toBe(2);
    expect(t.outcomes.daysToHire).toEqual([25, 10]);
    expect(t.outcomes.daysToHireMedian).toBe(17.5);
    expect(t.outcomes.hiresByContract).toEqual([
      { contractType: 'cdd', count: 1 },
      { contractType: 'cdi', count: 1 },
    ]);
    expect(t.bySiae.find((s) => s.siaeId === 's1')?.hires).toBe(2);
    expect(b.plan?.relativeGap).toBeCloseTo(0.1);
    expect(t.averageRelativeGap).toBeCloseTo(0.05);
  });
});
