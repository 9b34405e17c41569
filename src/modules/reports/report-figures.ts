/**
 * The impact figures of a job dating, computed from a snapshot of its rows (pure: no I/O, unit-tested). The loader
 * (`report-snapshot.ts`) reads the rows; the same function serves the JSON, the CSV and the page, so they cannot
 * disagree.
 */

export const outcomeKinds = ['none', 'second_interview', 'immersion', 'hire'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

export interface SnapshotInvitation {
  id: string;
  status: 'sent' | 'confirmed' | 'declined';
  revoked: boolean;
  checkedIn: boolean;
  absent: boolean;
  leftEarly: boolean;
}

export interface SnapshotRegistration {
  id: string;
  siaeId: string;
  siaeName: string;
  status: 'pending' | 'accepted' | 'waitlisted' | 'declined' | 'withdrawn';
  checkedIn: boolean;
  absent: boolean;
  walkIn: boolean;
}

export interface SnapshotMeeting {
  id: string;
  registrationId: string;
  invitationId: string;
  status: 'planned' | 'announced' | 'cancelled' | 'done' | 'no_show';
  /** The slot had ended when the snapshot was read. */
  slotEnded: boolean;
}

export interface SnapshotOutcome {
  meetingId: string;
  kind: OutcomeKind;
  /** YYYY-MM-DD, the contract's first day (hires only). */
  startDate: string | null;
  contractType: string | null;
}

export interface SnapshotPlan {
  status: 'optimal' | 'feasible' | null;
  objective: number | null;
  bound: number | null;
  /** As the planning run stores it: bound − objective (0 = proven optimal). */
  gap: number | null;
}

export interface PlanFigures extends SnapshotPlan {
  /** gap / bound, 0–1: comparable between events of different sizes. */
  relativeGap: number | null;
}

export interface ReportSnapshot {
  eventDate: string;
  invitations: SnapshotInvitation[];
  registrations: SnapshotRegistration[];
  meetings: SnapshotMeeting[];
  outcomes: SnapshotOutcome[];
  plan: SnapshotPlan | null;
}

export interface EmployerFigures {
  invited: number;
  confirmed: number;
  declined: number;
  present: number;
  absent: number;
  leftEarly: number;
}

export interface CandidateFigures {
  registered: number;
  accepted: number;
  present: number;
  absent: number;
  walkIns: number;
  withInterview: number;
  /** Share of the candidates present (accepted when nobody was checked in) with at least one interview, 0–1. */
  coverage: number | null;
}

export interface SiaeFigures extends Omit<CandidateFigures, 'coverage'> {
  siaeId: string;
  siaeName: string;
  interviews: number;
  hires: number;
}

export interface InterviewFigures {
  planned: number;
  held: number;
  cancelled: number;
  noShow: number;
}

export interface ContractCount {
  contractType: string;
  count: number;
}

export interface OutcomeFigures {
  recorded: number;
  none: number;
  secondInterview: number;
  immersion: number;
  hire: number;
  hiresByContract: ContractCount[];
  /** Days from the event to each hire's first day (in the order of the hires). */
  daysToHire: number[];
  daysToHireMedian: number | null;
  daysToHireAverage: number | null;
}

export interface EventFigures {
  employers: EmployerFigures;
  candidates: CandidateFigures;
  bySiae: SiaeFigures[];
  interviews: InterviewFigures;
  outcomes: OutcomeFigures;
  plan: PlanFigures | null;
}

const DAY_MS = 86_400_000;

/** Whole days between two calendar dates (YYYY-MM-DD), negative when `to` is before `from`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function average(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * A meeting counts as held when the day recorded it `done`, or when its slot is over with both sides checked in and
 * the employer not gone before it (the day may not mark every meeting by hand).
 */
export function meetingHeld(
  meeting: SnapshotMeeting,
  registration: SnapshotRegistration | undefined,
  invitation: SnapshotInvitation | undefined,
): boolean {
  if (meeting.status === 'done') return true;
  if (meeting.status !== 'planned' && meeting.status !== 'announced') return false;
  return meeting.slotEnded && !!registration?.checkedIn && !!invitation?.checkedIn && !invitation.leftEarly;
}

export function relativeGap(plan: SnapshotPlan): number | null {
  if (plan.gap === null || plan.bound === null || plan.bound <= 0) return null;
  return plan.gap / plan.bound;
}

export function eventFigures(snapshot: ReportSnapshot): EventFigures {
  const invitations = snapshot.invitations.filter((i) => !i.revoked);
  const registrationById = new Map(snapshot.registrations.map((r) => [r.id, r]));
  const invitationById = new Map(snapshot.invitations.map((i) => [i.id, i]));
  const held = snapshot.meetings.filter((m) =>
    meetingHeld(m, registrationById.get(m.registrationId), invitationById.get(m.invitationId)),
  );
  const interviewsOf = new Map<string, number>();
  for (const m of held) interviewsOf.set(m.registrationId, (interviewsOf.get(m.registrationId) ?? 0) + 1);
  const registrationOfMeeting = new Map(snapshot.meetings.map((m) => [m.id, m.registrationId]));

  const hires = snapshot.outcomes.filter((o) => o.kind === 'hire');
  const hiresOf = new Map<string, number>();
  for (const h of hires) {
    const reg = registrationById.get(registrationOfMeeting.get(h.meetingId) ?? '');
    if (reg) hiresOf.set(reg.siaeId, (hiresOf.get(reg.siaeId) ?? 0) + 1);
  }

  const candidateFigures = (regs: SnapshotRegistration[]) => {
    const registered = regs.filter((r) => r.status !== 'withdrawn' && r.status !== 'declined');
    const accepted = regs.filter((r) => r.status === 'accepted');
    const present = accepted.filter((r) => r.checkedIn);
    return {
      registered: registered.length,
      accepted: accepted.length,
      present: present.length,
      absent: accepted.filter((r) => r.absent && !r.checkedIn).length,
      walkIns: accepted.filter((r) => r.walkIn).length,
      withInterview: accepted.filter((r) => (interviewsOf.get(r.id) ?? 0) > 0).length,
      // Before anyone is checked in, the denominator is who was expected.
      base: present.length > 0 ? present.length : accepted.length,
    };
  };

  const all = candidateFigures(snapshot.registrations);
  const siaeIds = [...new Set(snapshot.registrations.map((r) => r.siaeId))];
  const bySiae: SiaeFigures[] = siaeIds
    .map((siaeId) => {
      const regs = snapshot.registrations.filter((r) => r.siaeId === siaeId);
      const { base: _base, ...figures } = candidateFigures(regs);
      return {
        siaeId,
        siaeName: regs[0].siaeName,
        ...figures,
        interviews: regs.reduce((n, r) => n + (interviewsOf.get(r.id) ?? 0), 0),
        hires: hiresOf.get(siaeId) ?? 0,
      };
    })
    .sort((a, b) => a.siaeName.localeCompare(b.siaeName, 'fr') || a.siaeId.localeCompare(b.siaeId));

  const daysToHire = hires.filter((h) => h.startDate).map((h) => daysBetween(snapshot.eventDate, h.startDate!));
  const contracts = new Map<string, number>();
  for (const h of hires) contracts.set(h.contractType ?? 'other', (contracts.get(h.contractType ?? 'other') ?? 0) + 1);
  const { base, ...candidates } = all;

  return {
    employers: {
      invited: invitations.length,
      confirmed: invitations.filter((i) => i.status === 'confirmed').length,
      declined: invitations.filter((i) => i.status === 'declined').length,
      present: invitations.filter((i) => i.checkedIn).length,
      absent: invitations.filter((i) => i.absent && !i.checkedIn).length,
      leftEarly: invitations.filter((i) => i.leftEarly).length,
    },
    candidates: { ...candidates, coverage: base > 0 ? all.withInterview / base : null },
    bySiae,
    interviews: {
      planned: snapshot.meetings.filter((m) => m.status !== 'cancelled').length,
      held: held.length,
      cancelled: snapshot.meetings.filter((m) => m.status === 'cancelled').length,
      noShow: snapshot.meetings.filter((m) => m.status === 'no_show').length,
    },
    outcomes: {
      recorded: snapshot.outcomes.length,
      none: snapshot.outcomes.filter((o) => o.kind === 'none').length,
      secondInterview: snapshot.outcomes.filter((o) => o.kind === 'second_interview').length,
      immersion: snapshot.outcomes.filter((o) => o.kind === 'immersion').length,
      hire: hires.length,
      hiresByContract: [...contracts.entries()]
        .map(([contractType, count]) => ({ contractType, count }))
        .sort((a, b) => a.contractType.localeCompare(b.contractType)),
      daysToHire,
      daysToHireMedian: median(daysToHire),
      daysToHireAverage: average(daysToHire),
    },
    plan: snapshot.plan ? { ...snapshot.plan, relativeGap: relativeGap(snapshot.plan) } : null,
  };
}

/** A collective's figures over a period: the events' figures added up (coverage and delays recomputed, not averaged). */
export function totalFigures(
  events: EventFigures[],
): Omit<EventFigures, 'plan'> & { averageRelativeGap: number | null } {
  const sum = <T extends object>(pick: (e: EventFigures) => T): T => {
    const out = {} as Record<string, number>;
    for (const e of events)
      for (const [k, v] of Object.entries(pick(e))) if (typeof v === 'number') out[k] = (out[k] ?? 0) + v;
    return out as T;
  };
  const employers = sum((e) => e.employers);
  const { coverage: _c, ...counts } = sum((e) => e.candidates);
  const presentBase = events.reduce(
    (n, e) => n + (e.candidates.present > 0 ? e.candidates.present : e.candidates.accepted),
    0,
  );
  const siae = new Map<string, SiaeFigures>();
  for (const e of events)
    for (const s of e.bySiae) {
      const prev = siae.get(s.siaeId);
      if (!prev) siae.set(s.siaeId, { ...s });
      else
        for (const k of Object.keys(s) as Array<keyof SiaeFigures>)
          if (typeof s[k] === 'number') (prev[k] as number) += s[k] as number;
    }
  const daysToHire = events.flatMap((e) => e.outcomes.daysToHire);
  const contracts = new Map<string, number>();
  for (const e of events)
    for (const c of e.outcomes.hiresByContract)
      contracts.set(c.contractType, (contracts.get(c.contractType) ?? 0) + c.count);
  const {
    hiresByContract: _h,
    daysToHire: _d,
    daysToHireMedian: _m,
    daysToHireAverage: _a,
    ...outcomeCounts
  } = sum((e) => e.outcomes);
  const gaps = events.map((e) => e.plan?.relativeGap).filter((g): g is number => typeof g === 'number');
  return {
    employers,
    candidates: {
      ...(counts as Omit<CandidateFigures, 'coverage'>),
      coverage: presentBase > 0 ? counts.withInterview / presentBase : null,
    },
    bySiae: [...siae.values()].sort(
      (a, b) => a.siaeName.localeCompare(b.siaeName, 'fr') || a.siaeId.localeCompare(b.siaeId),
    ),
    interviews: sum((e) => e.interviews),
    outcomes: {
      ...(outcomeCounts as Omit<
        OutcomeFigures,
        'hiresByContract' | 'daysToHire' | 'daysToHireMedian' | 'daysToHireAverage'
      >),
      hiresByContract: [...contracts.entries()]
        .map(([contractType, count]) => ({ contractType, count }))
        .sort((a, b) => a.contractType.localeCompare(b.contractType)),
      daysToHire,
      daysToHireMedian: median(daysToHire),
      daysToHireAverage: average(daysToHire),
    },
    averageRelativeGap: average(gaps),
  };
}
