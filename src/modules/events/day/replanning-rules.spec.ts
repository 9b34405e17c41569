import {
  applyDayPresence,
  decideReplanning,
  type RuleCandidate,
  type RuleEmployer,
  type RuleMeeting,
} from './replanning-rules';
import { slotsAround } from './presence';

const at = (h: number, m = 0) => new Date(Date.UTC(2027, 2, 12, h, m));
const slots = [1, 2, 3, 4].map((position) => ({
  id: `s${position}`,
  position,
  startsAt: at(8, (position - 1) * 20),
  endsAt: at(8, (position - 1) * 20 + 15),
}));
const here = (id: string): RuleCandidate => ({ registrationId: id, checkedInAt: at(7, 50), absentAt: null });
const employer = (id: string, extra: Partial<RuleEmployer> = {}): RuleEmployer => ({
  invitationId: id,
  checkedInAt: at(7, 45),
  absentAt: null,
  leftAt: null,
  ...extra,
});
const meeting = (id: string, c: string, e: string, slot: string, status = 'announced'): RuleMeeting => ({
  id,
  registrationId: c,
  invitationId: e,
  slotId: slot,
  status,
});

describe('day re-planning rules', () => {
  it('keeps every meeting before the first re-planned slot, whoever is absent', () => {
    const d = decideReplanning({
      slots,
      fromPosition: 3,
      candidates: [{ registrationId: 'c1', checkedInAt: null, absentAt: at(8) }],
      employers: [employer('e1')],
      meetings: [meeting('m1', 'c1', 'e1', 's1'), meeting('m2', 'c1', 'e1', 's2', 'planned')],
    });
    expect(d.locked.sort()).toEqual(['m1', 'm2']);
    expect(d.dropped).toEqual([]);
  });

  it('drops the later meetings of an absent candidate, of an absent employer and after an employer leaves', () => {
    const d = decideReplanning({
      slots,
      fromPosition: 2,
      candidates: [{ registrationId: 'gone', checkedInAt: null, absentAt: at(8) }, here('c2'), here('c3')],
      employers: [
        employer('e1'),
        employer('e2', { checkedInAt: null, absentAt: at(8) }),
        employer('e3', { leftAt: at(8, 40) }),
      ],
      meetings: [
        meeting('absentCandidate', 'gone', 'e1', 's3'),
        meeting('absentEmployer', 'c2', 'e2', 's2'),
        meeting('beforeLeaving', 'c3', 'e3', 's2'),
        meeting('afterLeaving', 'c2', 'e3', 's3'),
        meeting('kept', 'c3', 'e1', 's4'),
      ],
    });
    expect(d.dropped.sort()).toEqual(['absentCandidate', 'absentEmployer', 'afterLeaving']);
    expect(d.locked.sort()).toEqual(['beforeLeaving', 'kept']);
    expect(d.employerSlots.get('e3')).toEqual(['s2']);
    expect(d.employerSlots.get('e2')).toEqual([]);
  });

  it('keeps the announced meetings of people not yet checked in, but gives new meetings to present people only', () => {
    const late: RuleCandidate = { registrationId: 'late', checkedInAt: null, absentAt: null };
    const d = decideReplanning({
      slots,
      fromPosition: 2,
      candidates: [late, here('walkIn')],
      employers: [employer('e1')],
      meetings: [meeting('m', 'late', 'e1', 's3'), meeting('p', 'late', 'e1', 's4', 'planned')],
    });
    expect(d.locked).toEqual(['m']);
    expect(d.dropped).toEqual([]);
    expect(d.candidateSlots.get('late')).toEqual([]);
    expect(d.candidateSlots.get('walkIn')).toEqual(['s2', 's3', 's4']);
  });

  it('ignores cancelled meetings and no-shows', () => {
    const d = decideReplanning({
      slots,
      fromPosition: 1,
      candidates: [here('c1')],
      employers: [employer('e1')],
      meetings: [meeting('x', 'c1', 'e1', 's1', 'cancelled'), meeting('y', 'c1', 'e1', 's2', 'no_show')],
    });
    expect([d.locked, d.dropped]).toEqual([[], []]);
  });
});

describe('slotsAround', () => {
  it('tells the slot in progress and the next one to start', () => {
    expect(slotsAround(slots, at(8, 25))).toMatchObject({ current: { id: 's2' }, next: { id: 's3' } });
    // between two slots (changeover): nothing in progress, the next one is the re-planning's start
    expect(slotsAround(slots, at(8, 17))).toMatchObject({ current: null, next: { id: 's2' } });
    expect(slotsAround(slots, at(10))).toMatchObject({ current: null, next: null });
  });
});

describe('applyDayPresence (the planning snapshot of a re-planning run)', () => {
  const snapshot = {
    fromSlotPosition: 2,
    candidates: [
      { registrationId: 'here', maxInterviews: 3 },
      { registrationId: 'gone', maxInterviews: 3 },
      { registrationId: 'late', maxInterviews: 3 },
    ],
    employers: [
      { invitationId: 'e1', maxInterviews: null, cells: slots.map((s) => ({ slotId: s.id, tableNumber: 1 })) },
      { invitationId: 'leaves', maxInterviews: 8, cells: slots.map((s) => ({ slotId: s.id, tableNumber: 2 })) },
      { invitationId: 'absent', maxInterviews: 8, cells: slots.map((s) => ({ slotId: s.id, tableNumber: 3 })) },
    ],
    meetings: [meeting('lateKept', 'late', 'e1', 's3'), meeting('goneLater', 'gone', 'e1', 's4')],
    lockedMeetingIds: [],
  };
  const presence = {
    slots,
    candidates: [
      here('here'),
      { registrationId: 'gone', checkedInAt: null, absentAt: at(8) },
      { registrationId: 'late', checkedInAt: null, absentAt: null },
    ],
    employers: [
      employer('e1'),
      employer('leaves', { leftAt: slots[2].startsAt }),
      employer('absent', { checkedInAt: null, absentAt: at(8) }),
    ],
  };

  it('leaves absent people out, cuts a leaving employer’s cells, and gives no new meeting to people not checked in', () => {
    const s = applyDayPresence(snapshot, presence);
    expect(s.candidates).toEqual([
      { registrationId: 'here', maxInterviews: 3 },
      { registrationId: 'late', maxInterviews: 1 },
    ]);
    expect(s.employers.map((e) => e.invitationId)).toEqual(['e1', 'leaves']);
    expect(s.employers[1].cells.map((c) => c.slotId)).toEqual(['s1', 's2']);
    expect(s.lockedMeetingIds).toEqual(['lateKept']);
  });

  it('changes nothing on a first planning (no re-planning slot)', () => {
    const first = { ...snapshot, fromSlotPosition: null };
    expect(applyDayPresence(first, presence)).toBe(first);
  });
});
