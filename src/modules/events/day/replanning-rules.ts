/**
 * The day's re-planning rules, pure (no I/O): from the slot positions, the presence columns and the live meetings, what
 * is kept, what is dropped and where each person may still meet someone. The planning job's snapshot applies them to a
 * run that starts at `fromPosition`; the day's re-planning request uses them to say what it keeps.
 *
 * - Meetings of slots before `fromPosition` (done or in progress) are kept as they are.
 * - From `fromPosition` on, an announced meeting is kept where it is unless one side is recorded absent, or the
 *   employer has left by then: those places are given back. A meeting of someone not yet checked in is kept (people
 *   arrive late); a merely `planned` meeting is not locked (the engine may move it).
 * - New meetings go only to people checked in: candidates present (walk-ins included) and employers present and still
 *   there at that slot.
 */
export interface RuleSlot {
  id: string;
  position: number;
  startsAt: Date;
}

export interface RuleCandidate {
  registrationId: string;
  checkedInAt: Date | null;
  absentAt: Date | null;
}

export interface RuleEmployer {
  invitationId: string;
  checkedInAt: Date | null;
  absentAt: Date | null;
  leftAt: Date | null;
}

export interface RuleMeeting {
  id: string;
  registrationId: string;
  invitationId: string;
  slotId: string;
  status: string;
}

export interface ReplanningDecision {
  /** Live meetings kept exactly where they are (the engine's locked meetings). */
  locked: string[];
  /** Live meetings from `fromPosition` on whose places are given back (a side absent or gone). */
  dropped: string[];
  /** Slots where a candidate may be placed anew (from `fromPosition`), on top of her locked meetings' slots. */
  candidateSlots: Map<string, string[]>;
  /** Slots where an employer may receive new candidates (from `fromPosition`, before leaving). */
  employerSlots: Map<string, string[]>;
}

const LIVE = new Set(['planned', 'announced', 'done']);

export function employerThereAt(e: RuleEmployer, slot: RuleSlot): boolean {
  return e.absentAt === null && (e.leftAt === null || slot.startsAt.getTime() < e.leftAt.getTime());
}

export function decideReplanning(input: {
  slots: readonly RuleSlot[];
  fromPosition: number;
  candidates: readonly RuleCandidate[];
  employers: readonly RuleEmployer[];
  meetings: readonly RuleMeeting[];
}): ReplanningDecision {
  const slotById = new Map(input.slots.map((s) => [s.id, s]));
  const candidates = new Map(input.candidates.map((c) => [c.registrationId, c]));
  const employers = new Map(input.employers.map((e) => [e.invitationId, e]));
  const locked: string[] = [];
  const dropped: string[] = [];
  for (const m of input.meetings) {
    if (!LIVE.has(m.status)) continue;
    const slot = slotById.get(m.slotId);
    if (!slot) continue;
    if (slot.position < input.fromPosition || m.status === 'done') {
      locked.push(m.id);
      continue;
    }
    const c = candidates.get(m.registrationId);
    const e = employers.get(m.invitationId);
    const gone = !c || c.absentAt !== null || !e || !employerThereAt(e, slot);
    if (gone) dropped.push(m.id);
    else if (m.status === 'announced') locked.push(m.id);
  }
  const future = input.slots.filter((s) => s.position >= input.fromPosition);
  const candidateSlots = new Map<string, string[]>();
  for (const c of input.candidates)
    candidateSlots.set(c.registrationId, c.checkedInAt !== null ? future.map((s) => s.id) : []);
  const employerSlots = new Map<string, string[]>();
  for (const e of input.employers)
    employerSlots.set(
      e.invitationId,
      e.checkedInAt !== null ? future.filter((s) => employerThereAt(e, s)).map((s) => s.id) : [],
    );
  return { locked, dropped, candidateSlots, employerSlots };
}

/** The presence columns as the planning snapshot needs them (see `loadDayPresence`). */
export interface DayPresence {
  slots: RuleSlot[];
  candidates: RuleCandidate[];
  employers: RuleEmployer[];
}

/**
 * A re-planning run's snapshot with the day's presence applied (the planning job calls this when the run starts at a
 * slot): people recorded absent leave the plan (their later meetings are cancelled when the run is applied), an
 * employer that leaves keeps only the cells before its departure, and people not yet checked in keep their kept
 * meetings without being given new ones (their maximum becomes what they keep). Earlier slots stay as they were.
 */
export function applyDayPresence<S extends PresenceSnapshot>(snapshot: S, presence: DayPresence): S {
  if (snapshot.fromSlotPosition === null) return snapshot;
  const decision = decideReplanning({
    slots: presence.slots,
    fromPosition: snapshot.fromSlotPosition,
    candidates: presence.candidates,
    employers: presence.employers,
    meetings: snapshot.meetings,
  });
  const kept = new Set(decision.locked);
  const keptCount = (field: 'registrationId' | 'invitationId', id: string) =>
    snapshot.meetings.filter((m) => kept.has(m.id) && m[field] === id).length;
  const candidates = new Map(presence.candidates.map((c) => [c.registrationId, c]));
  const employers = new Map(presence.employers.map((e) => [e.invitationId, e]));
  const startOf = new Map(presence.slots.map((s) => [s.id, s.startsAt.getTime()]));
  return {
    ...snapshot,
    candidates: snapshot.candidates
      .filter((c) => candidates.get(c.registrationId)?.absentAt == null)
      .map((c) =>
        candidates.get(c.registrationId)?.checkedInAt
          ? c
          : { ...c, maxInterviews: keptCount('registrationId', c.registrationId) },
      ),
    employers: snapshot.employers
      .filter((e) => employers.get(e.invitationId)?.absentAt == null)
      .map((e) => {
        const row = employers.get(e.invitationId);
        const leftAt = row?.leftAt?.getTime() ?? null;
        return {
          ...e,
          cells: leftAt === null ? e.cells : e.cells.filter((cell) => (startOf.get(cell.slotId) ?? 0) < leftAt),
          maxInterviews: row?.checkedInAt ? e.maxInterviews : keptCount('invitationId', e.invitationId),
        };
      }),
    lockedMeetingIds: [...new Set([...snapshot.lockedMeetingIds, ...decision.locked])],
  };
}

/** The parts of the planning snapshot the day's presence changes (structural, so the rules stay free of planning). */
export interface PresenceSnapshot {
  fromSlotPosition: number | null;
  candidates: Array<{ registrationId: string; maxInterviews: number }>;
  employers: Array<{
    invitationId: string;
    maxInterviews: number | null;
    cells: Array<{ slotId: string; tableNumber: number }>;
  }>;
  meetings: RuleMeeting[];
  lockedMeetingIds: string[];
}
