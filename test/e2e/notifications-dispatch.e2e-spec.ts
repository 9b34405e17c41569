import { randomUUID } from 'node:crypto';
import { DispatchService } from '../../src/modules/notifications/dispatch/dispatch.service';
import { SmsService } from '../../src/modules/notifications/sms/sms.service';
import { OutboxService } from '../../src/platform/queue/outbox.service';
import { TestApp } from '../support/test-app';
import { withWriteBarrier } from '../support/write-barrier';

/**
 * The notifications' own guarantees, on real PostgreSQL and Redis: one dispatch row per (event, person, kind) whatever
 * the number of claimers racing (UQ_reminder_dispatch_person_kind, forced to overlap), and an SMS logged, sent through
 * the outbox by the `log` provider, its number kept only until it is sent.
 */
describe('notifications: dispatch rows and SMS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.create({ withWorker: true, config: { DATABASE_POOL_SIZE: 10 } });
  }, 120_000);
  afterAll(() => t.close());

  it('lets exactly one of 8 overlapping claimers of the same (event, person, kind) in, and only it enqueues', async () => {
    const dispatch = t.get(DispatchService);
    const outbox = t.get(OutboxService);
    const key = {
      eventId: randomUUID(),
      personType: 'event_registration',
      personId: randomUUID(),
      kind: 'event_reminder_j1',
    };
    const claimers = 8;
    // Each claimer does what a sweep does: "not claimed yet?" then claim, then enqueue its job if it won. Every one
    // reads "not claimed" before the barrier opens, so only the unique index can keep the others out.
    const results = await withWriteBarrier(t.config.DATABASE_URL, 'reminder_dispatch', claimers, () =>
      Promise.all(
        Array.from({ length: claimers }, () =>
          t.dataSource.transaction(async (manager) => {
            const [{ n }] = await manager.query(
              `SELECT count(*)::int AS n FROM reminder_dispatch WHERE event_id = $1 AND person_id = $2 AND kind = $3`,
              [key.eventId, key.personId, key.kind],
            );
            if (n > 0) return 'seen';
            const id = await dispatch.claim(manager, key, new Date());
            if (id)
              await outbox.enqueue(manager, 'sms.send', { v: 1, smsId: id }, { availableAt: new Date('2100-01-01') });
            return id ? 'won' : 'lost';
          }),
        ),
      ),
    );
    expect(results.filter((r) => r === 'won')).toHaveLength(1);
    expect(results.filter((r) => r === 'lost')).toHaveLength(claimers - 1);
    const rows = await t.dataSource.query(`SELECT id, status FROM reminder_dispatch WHERE person_id = $1`, [
      key.personId,
    ]);
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['queued']);
    const jobs = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE payload->>'smsId' = $1`,
      [rows[0].id],
    );
    expect(jobs[0].n).toBe(1);
    // (the job was only a marker: it never runs, and drainQueues counts unpublished rows)
    await t.dataSource.query(`DELETE FROM outbox_message WHERE payload->>'smsId' = $1`, [rows[0].id]);
    // Another kind or another person is another row.
    await t.dataSource.transaction(async (manager) => {
      expect(await dispatch.claim(manager, { ...key, kind: 'event_reminder_j2' }, new Date())).not.toBeNull();
      expect(await dispatch.claim(manager, { ...key, personId: randomUUID() }, new Date())).not.toBeNull();
      expect(await dispatch.claim(manager, key, new Date())).toBeNull();
    });
  });

  it('moves a dispatch once: a second markSent or markSkipped changes nothing', async () => {
    const dispatch = t.get(DispatchService);
    const key = {
      eventId: randomUUID(),
      personType: 'event_invitation',
      personId: randomUUID(),
      kind: 'event_reminder_j2',
    };
    const id = await t.dataSource.transaction((m) => dispatch.claim(m, key, new Date()));
    await t.dataSource.transaction((m) => dispatch.markSkipped(m, id!, 'meeting_cancelled'));
    await t.dataSource.transaction((m) => dispatch.markSent(m, id!, {}));
    const [row] = await t.dataSource.query(
      `SELECT status, skip_reason, processed_at FROM reminder_dispatch WHERE id = $1`,
      [id],
    );
    expect([row.status, row.skip_reason, row.processed_at instanceof Date]).toEqual([
      'skipped',
      'meeting_cancelled',
      true,
    ]);
  });

  it('sends an SMS through the outbox with the log provider, then keeps only the masked number', async () => {
    const smsId = await t.dataSource.transaction((m) =>
      t.get(SmsService).send(m, '06 12 34 56 78', 'test', 'Rappel : votre entretien demain à 9 h 00.'),
    );
    const [pending] = await t.dataSource.query(`SELECT status, recipient FROM sms_message WHERE id = $1`, [smsId]);
    expect(pending).toEqual({ status: 'pending', recipient: '06 12 34 56 78' });
    await t.drainQueues();
    const [sent] = await t.dataSource.query(
      `SELECT status, recipient, recipient_masked, provider, provider_message_id, attempts, sent_at
         FROM sms_message WHERE id = $1`,
      [smsId],
    );
    expect(sent).toMatchObject({
      status: 'sent',
      recipient: null,
      recipient_masked: '06 •• •• •• 78',
      provider: 'log',
      provider_message_id: `log-${smsId}`,
      attempts: 1,
    });
    expect(sent.sent_at).toBeInstanceOf(Date);
  });

  it('cuts an SMS longer than three messages', async () => {
    const smsId = await t.dataSource.transaction((m) =>
      t.get(SmsService).send(m, '0612345678', 'test', 'x'.repeat(600)),
    );
    const [row] = await t.dataSource.query(
      `SELECT length(body) AS n, right(body, 3) AS last, encoding, segments FROM sms_message WHERE id = $1`,
      [smsId],
    );
    // the cut's mark is « ... » (GSM-7), not « … », which would make the whole message UCS-2
    expect(row).toEqual({ n: 459, last: '...', encoding: 'GSM-7', segments: 3 });
    await t.drainQueues();
  });

  it('spells a French text in GSM-7; a name in another script keeps it, in UCS-2 at 3 segments of 67', async () => {
    const [french, chinese] = await t.dataSource.transaction(async (m) => [
      await t.get(SmsService).send(m, '0612345678', 'test', 'Forêt — « l’île » · 9\u00a0h…'),
      await t
        .get(SmsService)
        .send(m, '0612345678', 'test', [
          `Entretien avec 王小明 — ${'table 4 ; '.repeat(40)}`,
          { keep: 'Votre agenda : https://maillage.example/lien/x' },
        ]),
    ]);
    const rows: Array<{ id: string; body: string; encoding: string; segments: number }> = await t.dataSource.query(
      `SELECT id, body, encoding, segments FROM sms_message WHERE id = ANY($1) ORDER BY body`,
      [[french, chinese]],
    );
    expect(rows.find((r) => r.id === french)).toMatchObject({
      body: 'Foret - " l\'ile " . 9 h...',
      encoding: 'GSM-7',
      segments: 1,
    });
    const ucs2 = rows.find((r) => r.id === chinese)!;
    expect([ucs2.encoding, ucs2.segments, ucs2.body.length <= 201]).toEqual(['UCS-2', 3, true]);
    expect(ucs2.body).toMatch(
      /^Entretien avec 王小明 - table 4 ;.*… Votre agenda : https:\/\/maillage\.example\/lien\/x$/,
    );
    await t.drainQueues();
  });
});
