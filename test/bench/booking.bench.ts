/**
 * npm run bench:booking [-- --fresh] [--drop] [--duration <s>] [--levels 10,50,200]
 *
 * Employers booking (table, slot) cells of one job dating through HTTP, at 10, 50 and 200 concurrent employers. The API
 * runs as production runs it (`node dist/src/main.js`, a process of its own, so the load generator never shares its
 * event loop), on a database `maillage_bench_booking` (migrated, referentials imported; kept between runs unless
 * --drop). For each level: a fresh open event whose room is scarce (tables = clients / 5, 12 slots), one invitation and
 * one employer link per client, each link exchanged for its session (cookie + CSRF token) through the real route; then
 * every client submits its registration over and over for --duration seconds (default 10), each time asking for two
 * tables on two random slots, so employers keep racing for the same cells. 200 = the submit was booked, 409 = a cell was
 * just taken (the expected answer of a lost race), anything 5xx is a failure.
 *
 * Load generator: autocannon — maintained in the Node.js ecosystem (fastify's authors), HdrHistogram latencies (exact
 * p50/p95/p99, not averages), one keep-alive connection per simulated employer with a per-connection context, so each
 * connection keeps its own session cookie and CSRF token.
 *
 * After each level, PostgreSQL is asked directly whether any (slot, table) cell is held twice (it must be 0: the unique
 * constraint UQ_event_booking_cell). Prints the machine, throughput, p50/p95/p99, errors by status, cells booked twice,
 * and one summary line per level:
 *   booking: clients=<n> rps=<x> p99_ms=<x> status_5xx=<n> cells_booked_twice=<n>
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { deriveSlots } from '../../src/modules/events/slots';
import { ReferentialsImporter } from '../../src/modules/referentials/referentials.importer';
import { findDataDir } from '../../src/modules/referentials/referentials-data';
import { typeormOptions } from '../../src/platform/database/typeorm-options';
import { prepareBenchDatabase, releaseBenchDatabase, runBench } from './support/bench-database';
import { loadAverage } from './support/machine';

const DATABASE = 'maillage_bench_booking';
const SLOTS_WINDOW = { start: '08:00', end: '12:00' }; // 12 slots of 15 min + 5 min changeover
const PORT = 3900 + Math.floor(Math.random() * 90);

interface Employer {
  cookie: string;
  csrf: string;
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The API as production starts it, on the bench database; resolves once /api/health answers. */
async function startApi(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'src', 'main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('the API did not answer /api/health within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A collective, an SIAE with one company record, and `clients` pooled companies: the directory of the bench. */
async function seedLevel(
  ds: DataSource,
  clients: number,
  tokenSecret: string,
): Promise<{ eventId: string; slotIds: string[]; tables: number; tokens: string[] }> {
  const tag = randomBytes(3).toString('hex');
  const [{ id: collectiveId }] = await ds.query(`INSERT INTO collective (name) VALUES ($1) RETURNING id`, [
    `Bench réservation ${tag}`,
  ]);
  const [{ id: siaeId }] = await ds.query(
    `INSERT INTO siae (kind, name, siret, commune_code) VALUES ('ACI', $1, $2, '69123') RETURNING id`,
    [`SIAE bench ${tag}`, String(10_000_000_000_000 + Math.floor(Math.random() * 89_999_999_999_999)).slice(0, 14)],
  );
  const [{ id: companyId }] = await ds.query(
    `INSERT INTO company (siae_id, name, commune_code) VALUES ($1, 'Employeur bench', '69123') RETURNING id`,
    [siaeId],
  );
  const tables = Math.max(2, Math.round(clients / 5));
  const date = '2027-05-20';
  const [{ id: eventId }] = await ds.query(
    `INSERT INTO event (collective_id, title, kind, status, address, commune_code, event_date, time_windows, slot_minutes,
                        changeover_minutes, table_count, default_siae_quota, opened_at)
     VALUES ($1, $2, 'job_dating', 'open', '1 place Bellecour', '69123', $3, $4, 15, 5, $5, 10, now()) RETURNING id`,
    [collectiveId, `Job dating bench ${clients}`, date, JSON.stringify([SLOTS_WINDOW]), tables],
  );
  const slots = deriveSlots(date, [SLOTS_WINDOW], 15, 5);
  const slotRows: Array<{ id: string }> = await ds.query(
    `INSERT INTO event_slot (event_id, position, starts_at, ends_at)
     SELECT $1, p, s, e FROM unnest($2::int[], $3::timestamptz[], $4::timestamptz[]) AS x(p, s, e) RETURNING id`,
    [eventId, slots.map((s) => s.position), slots.map((s) => s.startsAt), slots.map((s) => s.endsAt)],
  );
  const pooled: Array<{ id: string }> = await ds.query(
    `INSERT INTO pooled_company (collective_id, display_name) SELECT $1, 'Employeur ' || i FROM generate_series(1, $2) i RETURNING id`,
    [collectiveId, clients],
  );
  const tokens = pooled.map(() => randomBytes(32).toString('base64url'));
  const hash = (token: string) => createHmac('sha256', tokenSecret).update(token).digest('hex');
  const expires = new Date(Date.now() + 90 * 86_400_000);
  // The invitations and their links as the invitation use case writes them (the mail and the budget are not the subject).
  await ds.query(
    `INSERT INTO event_invitation (event_id, pooled_company_id, company_id, status, sent_at, relaunch_due_at)
     SELECT $1, p, $2, 'sent', now(), now() + interval '3 days' FROM unnest($3::uuid[]) AS p`,
    [eventId, companyId, pooled.map((p) => p.id)],
  );
  await ds.query(
    `INSERT INTO employer_link (kind, scope, token_hash, created_at, expires_at)
     SELECT 'event_company', jsonb_build_object('eventId', $1::text, 'pooledCompanyId', p::text), h, now(), $4
       FROM unnest($2::uuid[], $3::text[]) AS x(p, h)`,
    [eventId, pooled.map((p) => p.id), tokens.map(hash), expires],
  );
  return { eventId, slotIds: slotRows.map((s) => s.id), tables, tokens };
}

/** Each link exchanged for its session through the real route (cookie + CSRF token), 20 at a time. */
async function openSessions(base: string, tokens: string[]): Promise<Employer[]> {
  const employers: Employer[] = [];
  for (let i = 0; i < tokens.length; i += 20) {
    const batch = await Promise.all(
      tokens.slice(i, i + 20).map(async (token) => {
        const res = await fetch(`${base}/api/employer-links/exchange`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token }),
        });
        if (res.status !== 200) throw new Error(`exchange: ${res.status} ${await res.text()}`);
        const cookie = res.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
        const { csrfToken } = (await res.json()) as { csrfToken: string };
        return { cookie, csrf: csrfToken };
      }),
    );
    employers.push(...batch);
  }
  return employers;
}

async function runLevel(
  ds: DataSource,
  base: string,
  clients: number,
  durationSeconds: number,
  tokenSecret: string,
): Promise<string> {
  const { eventId, slotIds, tables, tokens } = await seedLevel(ds, clients, tokenSecret);
  const employers = await openSessions(base, tokens);
  console.log(
    `\n— ${clients} employers, ${tables} tables × ${slotIds.length} slots = ${tables * slotIds.length} cells, each submit asks for 2 tables on 2 random slots, ${durationSeconds} s`,
  );
  let next = 0;
  const statuses = new Map<number, number>();
  const result = await autocannon({
    url: `${base}/api/employer/event/registration`,
    connections: clients,
    duration: durationSeconds,
    pipelining: 1,
    requests: [
      {
        method: 'PUT',
        setupRequest: (req, ctx: object) => {
          // one employer per connection, kept for the whole run (its own session and CSRF token)
          const context = ctx as { employer?: Employer };
          context.employer ??= employers[next++ % employers.length];
          const employer = context.employer;
          const a = Math.floor(Math.random() * slotIds.length);
          const b = (a + 1 + Math.floor(Math.random() * (slotIds.length - 1))) % slotIds.length;
          const cells = [a, b].flatMap((s) => {
            const first = 1 + Math.floor(Math.random() * tables);
            const second = (first % tables) + 1;
            return [
              { slotId: slotIds[s], table: first },
              { slotId: slotIds[s], table: second },
            ];
          });
          return {
            ...req,
            headers: {
              'content-type': 'application/json',
              cookie: employer.cookie,
              'x-csrf-token': employer.csrf,
            },
            body: JSON.stringify({ tables: 2, cells }),
          };
        },
        onResponse: (status: number) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        },
      },
    ],
  });
  const [twice] = await ds.query(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM event_booking WHERE event_id = $1 GROUP BY slot_id, table_number HAVING count(*) > 1) d`,
    [eventId],
  );
  const [booked] = await ds.query(`SELECT count(*)::int AS n FROM event_booking WHERE event_id = $1`, [eventId]);
  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  const rps = total / durationSeconds;
  const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
  const byStatus = [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}: ${n}`)
    .join(', ');
  console.log(
    `requests: ${total} (${rps.toFixed(1)}/s), connection errors: ${result.errors}, timeouts: ${result.timeouts}`,
  );
  console.log(`by status: ${byStatus}`);
  console.log(
    `latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p97.5 ${result.latency.p97_5}, p99 ${result.latency.p99}, max ${result.latency.max}`,
  );
  console.log(`cells booked at the end: ${booked.n} of ${tables * slotIds.length}; cells booked twice: ${twice.n}`);
  console.log(`load average (1/5/15 min): ${loadAverage()}`);
  if (fivexx > 0 || result.errors > 0) process.exitCode = 1;
  return `booking: clients=${clients} rps=${rps.toFixed(1)} p99_ms=${result.latency.p99} status_5xx=${fivexx} cells_booked_twice=${twice.n}`;
}

async function main(argv: string[]): Promise<void> {
  const durationSeconds = Number(option(argv, '--duration') ?? 10);
  const levels = (option(argv, '--levels') ?? '10,50,200').split(',').map(Number);
  const { config } = await prepareBenchDatabase(DATABASE, argv, { QUEUE_PREFIX: 'bench_booking' });
  const ds = new DataSource(typeormOptions(config));
  await ds.initialize();
  let api: ChildProcess | undefined;
  try {
    const migrations = await ds.runMigrations({ transaction: 'each' });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM commune WHERE code = '69123'`);
    if (n === 0) await new ReferentialsImporter(ds).run({ dataDir: findDataDir() });
    console.log(`migrations applied: ${migrations.length}; API: node dist/src/main.js on 127.0.0.1:${PORT}`);
    api = await startApi({
      DATABASE_URL: config.DATABASE_URL,
      PORT: String(PORT),
      QUEUE_PREFIX: 'bench_booking',
      LOG_LEVEL: 'error',
      LINK_RATE_LIMIT_PER_IP: '100000',
      DATABASE_POOL_SIZE: '20',
    });
    const lines: string[] = [];
    for (const clients of levels)
      lines.push(await runLevel(ds, `http://127.0.0.1:${PORT}`, clients, durationSeconds, config.TOKEN_SECRET));
    console.log('');
    for (const line of lines) console.log(line);
  } finally {
    api?.kill('SIGTERM');
    await ds.destroy();
    await releaseBenchDatabase(DATABASE, argv);
  }
}

runBench(main);
