/**
 * From an event's snapshot to the scheduling engine's instance, and from the engine's meetings back to the room: pure,
 * no I/O (unit-tested in plan-instance.spec.ts).
 *
 * Tables. The engine numbers an employer's tables 0..k-1 and gives it the same k in every slot it is present; an
 * employer books (table, slot) cells of the room and may book fewer tables in some slots. The employer gets k = the
 * most tables it booked in any slot, and engine table t at slot s is the t-th smallest room table it booked at s. The
 * tables it did not book at s (t ≥ its count at s) are filled by locked "phantom" meetings: a phantom candidate present
 * in that slot only, with a weight-0 pair, locked at that table. The engine then can never place a real meeting there,
 * the plan stays exact, and the phantoms' share of the objective (the coverage bonus each) is taken off again.
 *
 * Re-planning from a slot. Slots before `fromSlotPosition` keep their meetings (locked); a person is present there
 * only where they have such a meeting, so nothing new can be placed in the past while caps and "one meeting per pair"
 * still count what happened.
 */
import { pairWeightForJobDating } from '../../../matching/engine';
import type { Meeting, ScheduleInstance, ScheduleResult } from '../../../scheduling/engine/types';
import type { PlannedMeeting } from '../entities/event-planning-run.entity';

/** The coverage bonus of `pairWeightForJobDating`'s scale: a first meeting beats a second good one. */
export const COVERAGE_BONUS = 50;

export interface SnapshotSlot {
  id: string;
  position: number;
}

export interface SnapshotCandidate {
  registrationId: string;
  /** Slots the candidate is there for; empty = the whole event. */
  presentSlotIds: string[];
  maxInterviews: number;
}

export interface SnapshotEmployer {
  invitationId: string;
  maxInterviews: number | null;
  /** The room's (slot, table) cells the employer booked. */
  cells: Array<{ slotId: string; tableNumber: number }>;
}

export interface SnapshotMeeting {
  id: string;
  registrationId: string;
  invitationId: string;
  slotId: string;
  tableNumber: number;
  status: 'planned' | 'announced' | 'cancelled' | 'done' | 'no_show';
  /** An organiser cancelled it: the pair is never planned again. */
  cancelledByOrganiser: boolean;
}

export interface PlanningSnapshot {
  slots: SnapshotSlot[];
  candidates: SnapshotCandidate[];
  employers: SnapshotEmployer[];
  /** The matching engine's best normalised score (0..1) per `registrationId|invitationId`; absent = never scored. */
  scores: Map<string, number>;
  /** Pairs every need of the employer excludes (a hard rule of the matching engine: licence, FLE…). */
  excluded: Set<string>;
  requests: Array<{ registrationId: string; invitationId: string; priority: boolean }>;
  wishes: Array<{ registrationId: string; invitationId: string }>;
  /** Every meeting row of the event (whatever its status). */
  meetings: SnapshotMeeting[];
  fromSlotPosition: number | null;
  /** Meetings to keep on top of the done, past and announced ones. */
  lockedMeetingIds: string[];
}

/** How engine ids map back: engine table index → room table number per (employer, slot). */
export interface InstanceMapping {
  tablesAt: Map<string, Map<string, number[]>>;
  phantomCandidates: Set<string>;
  lockedKeys: Set<string>;
  /** Meetings that had to be kept but cannot be (person gone or absent at that slot, table no longer booked). */
  unkeepable: Array<{ meetingId: string; reason: string }>;
}

export interface BuiltInstance {
  instance: ScheduleInstance;
  mapping: InstanceMapping;
}

export const pairKey = (registrationId: string, invitationId: string) => `${registrationId}|${invitationId}`;
const meetingKey = (candidate: string, employer: string, slot: string) => `${candidate}|${employer}|${slot}`;
const PHANTOM = 'phantom:';

export function buildInstance(s: PlanningSnapshot): BuiltInstance {
  const from = s.fromSlotPosition ?? 1;
  const position = new Map(s.slots.map((slot) => [slot.id, slot.position]));
  const allSlotIds = s.slots.map((slot) => slot.id);
  const candidateIds = new Set(s.candidates.map((c) => c.registrationId));
  const employerIds = new Set(s.employers.map((e) => e.invitationId));
  const tablesAt = new Map<string, Map<string, number[]>>();
  for (const e of s.employers) {
    const bySlot = new Map<string, number[]>();
    for (const cell of e.cells) bySlot.set(cell.slotId, [...(bySlot.get(cell.slotId) ?? []), cell.tableNumber]);
    for (const tables of bySlot.values()) tables.sort((a, b) => a - b);
    tablesAt.set(e.invitationId, bySlot);
  }
  const presentAt = new Map(
    s.candidates.map((c) => [c.registrationId, new Set(c.presentSlotIds.length ? c.presentSlotIds : allSlotIds)]),
  );

  // Which meetings are kept: done ones, live ones before the re-planning slot, announced ones, and the caller's.
  const lockedIds = new Set(s.lockedMeetingIds);
  const unkeepable: InstanceMapping['unkeepable'] = [];
  const kept: Array<Meeting & { id: string }> = [];
  for (const m of s.meetings) {
    const live = m.status === 'planned' || m.status === 'announced' || m.status === 'done';
    const past = (position.get(m.slotId) ?? 0) < from;
    if (!live || !(m.status === 'done' || m.status === 'announced' || past || lockedIds.has(m.id))) continue;
    const tables = tablesAt.get(m.invitationId)?.get(m.slotId);
    const table = tables ? tables.indexOf(m.tableNumber) : -1;
    let reason: string | null = null;
    if (!candidateIds.has(m.registrationId)) reason = 'candidate';
    else if (!employerIds.has(m.invitationId)) reason = 'employer';
    else if (!past && !presentAt.get(m.registrationId)!.has(m.slotId)) reason = 'candidate-absent';
    else if (table < 0) reason = 'table';
    if (reason) unkeepable.push({ meetingId: m.id, reason });
    else kept.push({ id: m.id, candidate: m.registrationId, employer: m.invitationId, slot: m.slotId, table });
  }
  const keptSlots = (who: 'candidate' | 'employer', id: string) => kept.filter((k) => k[who] === id).map((k) => k.slot);

  const instance: ScheduleInstance = {
    version: 1,
    slots: s.slots.map((slot) => ({ id: slot.id })),
    employers: [],
    candidates: [],
    pairs: [],
    coverageBonus: COVERAGE_BONUS,
    locked: kept.map(({ candidate, employer, slot, table }) => ({ candidate, employer, slot, table })),
  };
  const phantomCandidates = new Set<string>();

  for (const e of s.employers) {
    const bySlot = tablesAt.get(e.invitationId)!;
    const k = Math.max(0, ...[...bySlot.values()].map((t) => t.length));
    const past = new Set(keptSlots('employer', e.invitationId));
    const available = allSlotIds.filter(
      (id) => (bySlot.get(id)?.length ?? 0) > 0 && ((position.get(id) ?? 0) >= from || past.has(id)),
    );
    let phantoms = 0;
    for (const slot of available)
      for (let t = bySlot.get(slot)!.length; t < k; t++) {
        const id = `${PHANTOM}${phantomCandidates.size}`;
        phantomCandidates.add(id);
        phantoms++;
        instance.candidates.push({ id, available: [slot], maxMeetings: 1 });
        instance.pairs.push({ candidate: id, employer: e.invitationId, weight: 0 });
        instance.locked!.push({ candidate: id, employer: e.invitationId, slot, table: t });
      }
    const keptCount = kept.filter((m) => m.employer === e.invitationId).length;
    instance.employers.push({
      id: e.invitationId,
      tables: k,
      available,
      maxMeetings: e.maxInterviews === null ? null : Math.max(e.maxInterviews, keptCount) + phantoms,
    });
  }

  for (const c of s.candidates) {
    const present = presentAt.get(c.registrationId)!;
    const past = new Set(keptSlots('candidate', c.registrationId));
    const available = allSlotIds.filter((id) =>
      (position.get(id) ?? 0) >= from ? present.has(id) || past.has(id) : past.has(id),
    );
    const keptCount = kept.filter((m) => m.candidate === c.registrationId).length;
    instance.candidates.push({
      id: c.registrationId,
      available,
      maxMeetings: Math.max(c.maxInterviews, keptCount),
    });
  }

  // Pairs: every candidate × employer the matching engine does not exclude, unless someone asked for it; never a pair
  // that already met, missed its meeting or was called off by an organiser (the kept ones are listed, locked).
  const asked = new Map(s.requests.map((r) => [pairKey(r.registrationId, r.invitationId), r.priority]));
  const wished = new Set(s.wishes.map((w) => pairKey(w.registrationId, w.invitationId)));
  const keptPairs = new Set(kept.map((m) => pairKey(m.candidate, m.employer)));
  const closed = new Set(
    s.meetings
      .filter((m) => m.status === 'no_show' || m.cancelledByOrganiser || m.status === 'done')
      .map((m) => pairKey(m.registrationId, m.invitationId)),
  );
  for (const c of s.candidates)
    for (const e of s.employers) {
      const key = pairKey(c.registrationId, e.invitationId);
      const employerAsked = asked.has(key);
      const candidateWished = wished.has(key);
      if (!keptPairs.has(key)) {
        if (closed.has(key)) continue;
        if (s.excluded.has(key) && !employerAsked && !candidateWished) continue;
      }
      instance.pairs.push({
        candidate: c.registrationId,
        employer: e.invitationId,
        weight: pairWeightForJobDating({
          matchScore: s.scores.get(key) ?? 0,
          employerAsked,
          candidateWished,
          priority: asked.get(key) === true,
        }),
        ...(asked.get(key) === true ? { priority: true } : {}),
      });
    }

  return {
    instance,
    mapping: {
      tablesAt,
      phantomCandidates,
      lockedKeys: new Set(kept.map((m) => meetingKey(m.candidate, m.employer, m.slot))),
      unkeepable,
    },
  };
}

/** The engine's answer does not fit the room (a bug of the mapping, never the people's doing). */
export class PlanMappingError extends Error {}

export interface PlanFromResult {
  meetings: PlannedMeeting[];
  objective: number;
  bound: number;
  gap: number;
  phantoms: number;
}

/**
 * The engine's meetings in the room's terms, without the phantoms, and the objective and bound without the phantoms'
 * coverage bonus (their weight is 0). A meeting at a table the employer did not book is a bug of this mapping: it
 * throws rather than store a plan the room cannot hold.
 */
export function planFromResult(result: ScheduleResult, mapping: InstanceMapping): PlanFromResult {
  const meetings: PlannedMeeting[] = [];
  let phantoms = 0;
  for (const m of result.meetings) {
    if (mapping.phantomCandidates.has(m.candidate)) {
      phantoms++;
      continue;
    }
    const tableNumber = mapping.tablesAt.get(m.employer)?.get(m.slot)?.[m.table];
    if (tableNumber === undefined)
      throw new PlanMappingError(
        `engine placed a meeting at table index ${m.table} of ${m.employer} in slot ${m.slot}`,
      );
    meetings.push({
      registrationId: m.candidate,
      invitationId: m.employer,
      slotId: m.slot,
      tableNumber,
      locked: mapping.lockedKeys.has(meetingKey(m.candidate, m.employer, m.slot)),
    });
  }
  const offset = phantoms * COVERAGE_BONUS;
  return {
    meetings,
    objective: result.objective - offset,
    bound: result.bound - offset,
    gap: result.gap,
    phantoms,
  };
}
