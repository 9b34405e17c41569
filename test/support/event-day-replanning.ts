import type { FixedClock } from '../../src/platform/clock/clock';
import { OutboxRelay } from '../../src/platform/queue/outbox-relay.service';
import type { CandidateFixtures } from './candidate-fixtures';
import type { TestApp } from './test-app';

/**
 * The re-planning half of `npm run bench:event-day` (events/day), callable on any published event built through the
 * API (planning's `buildPlanningWorld` or the day's world): the morning is recorded through the API (every employer
 * checked in, `noShows` candidates absent, the others present, `walkIns` candidates registered on the spot by SIAE A's
 * CIP, with extra places granted by the organiser), the clock put during slot `duringSlot`, then the organiser's click:
 * `POST /api/events/:id/day/replanning`, timed until the run is stored (`succeeded`, plan applied). The relay is driven
 * here every 10 ms (a worker's relay polls every OUTBOX_POLL_MS, 500 ms by default: add up to that in production).
 * Then the result is checked: every kept meeting unchanged, no absent candidate in a meeting to come.
 */
export interface ReplanningWorld {
  t: TestApp;
  eventId: string;
  auth: (who: string) => string;
  cf: CandidateFixtures;
  cip: Parameters<CandidateFixtures['newCandidate']>[0];
  siaeId: string;
  slots: Array<{ id: string; position: number; startsAt: string }>;
}

export interface ReplanningFigures {
  replanningMs: number;
  runId: string;
  fromSlotPosition: number;
  lockedMeetings: number;
  keptUnchanged: number;
  cancelled: number;
  added: number;
  walkInsPlaced: number;
  stats: Record<string, unknown>;
}

interface Row {
  id: string;
  registration_id: string;
  slot_id: string;
  position: number;
  table_number: number;
  status: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

export async function replanAfterNoShows(
  w: ReplanningWorld,
  options: { noShows: number; walkIns: number; clock?: FixedClock; duringSlot?: number; log?: (line: string) => void },
): Promise<ReplanningFigures> {
  const { t, eventId } = w;
  const log = options.log ?? (() => undefined);
  const ok = async (req: PromiseLike<{ status: number; body: unknown }>, what: string) => {
    const res = await req;
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };
  const organiser = w.auth('coord');
  const list = await ok(t.http().get(`/api/events/${eventId}/day/check-in`).set('authorization', organiser), 'list');
  const candidates = list.candidates as Array<{ registrationId: string }>;
  const employers = list.employers as Array<{ invitationId: string }>;
  const absent = new Set(candidates.slice(0, options.noShows).map((c) => c.registrationId));
  await inBatches(employers, 8, async (e) => {
    await ok(
      t
        .http()
        .put(`/api/events/${eventId}/day/employers/${e.invitationId}/presence`)
        .set('authorization', organiser)
        .send({ presence: 'present' }),
      'employer presence',
    );
  });
  await inBatches(candidates, 8, async (c) => {
    await ok(
      t
        .http()
        .put(`/api/events/${eventId}/day/candidates/${c.registrationId}/presence`)
        .set('authorization', organiser)
        .send({ presence: absent.has(c.registrationId) ? 'absent' : 'present' }),
      'candidate presence',
    );
  });
  await ok(
    t
      .http()
      .post(`/api/events/${eventId}/day/extra-places`)
      .set('authorization', organiser)
      .send({ siaeId: w.siaeId, places: options.walkIns }),
    'extra places',
  );
  const walkIns: string[] = [];
  for (let i = 0; i < options.walkIns; i++) {
    const c = await w.cf.newCandidate(w.cip, w.siaeId, { profile: { pseudonym: `Sur place ${i + 1}` } });
    await w.cf.consent(w.cip, c.id, 'employers');
    const cipToken = await w.cf.token(w.cip);
    const body = await ok(
      t
        .http()
        .post(`/api/events/${eventId}/day/walk-ins`)
        .set('authorization', `Bearer ${cipToken}`)
        .send({ candidateId: c.id, maxInterviews: 4 }),
      'walk-in',
    );
    walkIns.push(body.registrationId as string);
  }
  log(`day recorded: ${employers.length} employers present, ${absent.size} no-shows, ${walkIns.length} walk-ins`);

  const slot = w.slots.find((s) => s.position === (options.duringSlot ?? 1));
  if (options.clock && slot) options.clock.set(new Date(new Date(slot.startsAt).getTime() + 60_000));
  const rows = (): Promise<Row[]> =>
    t.dataSource.query(
      `SELECT m.id, m.registration_id, m.slot_id, s.position, m.table_number, m.status
         FROM event_meeting m JOIN event_slot s ON s.id = m.slot_id WHERE m.event_id = $1`,
      [eventId],
    );
  const before = await rows();

  // The click: request → outbox → job → snapshot → engine → plan stored and applied.
  const relay = t.get(OutboxRelay);
  const started = performance.now();
  const clicked = await ok(
    t.http().post(`/api/events/${eventId}/day/replanning`).set('authorization', organiser),
    'replanning',
  );
  const runId = clicked.runId as string;
  let run: { status: string; stats: Record<string, unknown>; error: string | null };
  for (;;) {
    await relay.relayOnce();
    [run] = await t.dataSource.query(`SELECT status, stats, error FROM event_planning_run WHERE id = $1`, [runId]);
    if (run.status === 'succeeded' || run.status === 'failed') break;
    if (performance.now() - started > 120_000) throw new Error(`re-planning not stored after 120 s (${run.status})`);
    await sleep(10);
  }
  const replanningMs = Math.round(performance.now() - started);
  if (run.status !== 'succeeded') throw new Error(`re-planning failed: ${run.error}`);

  const after = await rows();
  const byId = new Map(after.map((m) => [m.id, m]));
  const from = clicked.fromSlotPosition as number;
  const kept = before.filter(
    (m) => ['planned', 'announced', 'done'].includes(m.status) && (m.position < from || !absent.has(m.registration_id)),
  );
  const moved = kept.filter((m) => m.status === 'announced' || m.position < from);
  const changed = moved.filter((m) => {
    const now = byId.get(m.id);
    return !now || now.slot_id !== m.slot_id || now.table_number !== m.table_number;
  });
  if (changed.length > 0) throw new Error(`${changed.length} kept meeting(s) moved by the re-planning`);
  const live = after.filter((m) => ['planned', 'announced', 'done'].includes(m.status));
  const noShowsLater = live.filter((m) => m.position >= from && absent.has(m.registration_id));
  if (noShowsLater.length > 0) throw new Error(`${noShowsLater.length} meeting(s) to come with a no-show`);
  const beforeIds = new Set(before.map((m) => m.id));
  const beforeLive = new Set(before.filter((m) => m.status === 'planned' || m.status === 'announced').map((m) => m.id));
  return {
    replanningMs,
    runId,
    fromSlotPosition: from,
    lockedMeetings: clicked.lockedMeetings as number,
    keptUnchanged: moved.length,
    cancelled: after.filter((m) => m.status === 'cancelled' && beforeLive.has(m.id)).length,
    added: live.filter((m) => !beforeIds.has(m.id)).length,
    walkInsPlaced: new Set(live.filter((m) => walkIns.includes(m.registration_id)).map((m) => m.registration_id)).size,
    stats: run.stats,
  };
}
