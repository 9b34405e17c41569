import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { CompaniesImportService } from '../../src/modules/employer-network/companies-import.service';
import type { Siae } from '../../src/modules/structures/entities/siae.entity';
import type { Principal } from '../../src/platform/auth/principal';
import type { User } from '../../src/platform/auth/user.entity';
import { OutboxRelay } from '../../src/platform/queue/outbox-relay.service';
import { Fixtures } from '../support/fixtures';
import { TestApp } from '../support/test-app';

const LINES = 45_000;
const COMMUNES = ['69123', '69266', '69259', '69264', '69381', '69387', '69290', '75056'];
const WORDS = ['Atelier', 'Boulangerie', 'Garage', 'Menuiserie', 'Traiteur', 'Transports', 'Jardins', 'Nettoyage'];

/**
 * A distinct word per line made of letters (company names are compared without their digits); prefixed so that no word
 * reads as a legal form the name normalisation drops ("SA", "EI"…), and ended so that no plural folds two into one.
 */
function letters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function companyList(): Buffer {
  const rows = ['Raison sociale;Code INSEE;Adresse;Contact;E-mail'];
  for (let i = 0; i < LINES; i++) {
    const contact = i % 3 === 0 ? `Camille ${letters(i)};camille.${i}@exemple.fr` : ';';
    rows.push(
      `${WORDS[i % WORDS.length]} Kx${letters(i)}o;${COMMUNES[i % COMMUNES.length]};${1 + (i % 90)} rue du Test;${contact}`,
    );
  }
  return Buffer.from(rows.join('\n') + '\n', 'utf8');
}

/**
 * Issue 12 §7: a 45,000-line company list is stored by the request (202, the measured time is printed, not asserted),
 * imported by the worker in one transaction with its progress moving through the endpoint, and what it writes is what
 * the synchronous import (the same code, in one call) writes from the same file for another SIAE: same companies and
 * contacts (table fingerprints), same figures and per-line outcomes.
 */
describe('employer network: the CSV import as a job', () => {
  let t: TestApp;
  let f: Fixtures;
  let siaeA: Siae, siaeB: Siae;
  let devA: User, devB: User;
  let tokenA: string;
  const file = companyList();

  beforeAll(async () => {
    t = await TestApp.create({ withWorker: true });
    f = new Fixtures(t);
    [siaeA, siaeB] = [await f.siae({ name: 'SIAE Import Job A' }), await f.siae({ name: 'SIAE Import Job B' })];
    [devA, devB] = [await f.member(siaeA, 'charge_dev'), await f.member(siaeB, 'charge_dev')];
    tokenA = await f.tokenFor(devA);
  });
  afterAll(() => t.close());

  /** Companies and contacts of an SIAE, independent of ids and of who imported them. */
  const fingerprint = async (siaeId: string) =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*)::int FROM company WHERE siae_id = $1) AS companies,
                (SELECT md5(string_agg(concat_ws('|', name, siret, naf, address, website, commune_code, size_band), E'\\n' ORDER BY name, commune_code))
                   FROM company WHERE siae_id = $1) AS company_rows,
                (SELECT count(*)::int FROM company_contact cc JOIN company c ON c.id = cc.company_id WHERE c.siae_id = $1) AS contacts,
                (SELECT md5(string_agg(concat_ws('|', c.name, c.commune_code, cc.first_name, cc.last_name, cc.role, cc.email_normalised, cc.phone_e164), E'\\n'
                                       ORDER BY c.name, c.commune_code, cc.email_normalised))
                   FROM company_contact cc JOIN company c ON c.id = cc.company_id WHERE c.siae_id = $1) AS contact_rows`,
        [siaeId],
      )
    )[0];

  it('answers 202 with an import id, shows its progress moving, and writes what the synchronous import writes', async () => {
    expect(file.length).toBeLessThan(5 * 1024 * 1024);
    const started = performance.now();
    const res = await t
      .http()
      .post(`/api/siae/${siaeA.id}/companies/import`)
      .set('authorization', `Bearer ${tokenA}`)
      .set('content-type', 'text/csv')
      .send(file);
    const ms = performance.now() - started;
    // A figure, not an assertion (tests never time behaviour): the request only stores the file and the job's row.
    process.stdout.write(
      `import of ${LINES} lines (${(file.length / 1024 / 1024).toFixed(1)} MB): ${res.status} in ${ms.toFixed(0)} ms (load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})\n`,
    );
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'queued', total: 0, processed: 0, result: null, label: 'En attente' });
    expect(await fingerprint(siaeA.id)).toMatchObject({ companies: 0, contacts: 0 });

    await t.get(OutboxRelay).relayOnce();
    const seen: string[] = [];
    let view: { status: string; phase: string | null; processed: number; total: number; label: string } & Record<
      string,
      unknown
    >;
    for (;;) {
      view = (
        await t
          .http()
          .get(`/api/siae/${siaeA.id}/companies/imports/${res.body.id}`)
          .set('authorization', `Bearer ${tokenA}`)
          .expect(200)
      ).body;
      const point = `${view.status} ${view.phase ?? ''} ${view.processed}/${view.total} — ${view.label}`;
      if (seen[seen.length - 1] !== point) seen.push(point);
      if (!['queued', 'running'].includes(view.status)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    process.stdout.write(`progress seen:\n  ${seen.join('\n  ')}\n`);
    if (view.status === 'invalid') process.stdout.write(`${JSON.stringify(view.errors).slice(0, 2000)}\n`);
    expect(view.status).toBe('done');
    expect(view).toMatchObject({ processed: LINES, total: LINES, percent: 100 });
    // Moving: at least two distinct points while it ran, the writing phase among them with a French label.
    const running = seen.filter((s) => s.startsWith('running'));
    expect(running.length).toBeGreaterThanOrEqual(2);
    expect(running.some((s) => /^running écriture \d+\/45000 — Écriture : /.test(s))).toBe(true);

    const principalB: Principal = {
      userId: devB.id,
      email: devB.email,
      tokenId: 'test',
      isAdmin: false,
      siaeGrants: [{ siaeId: siaeB.id, role: 'charge_dev' }],
      coordinatorOf: [],
      memberships: [],
      partnerSiaeIds: [],
    };
    const synchronous = await t.get(CompaniesImportService).import(principalB, siaeB.id, file, { dryRun: false });

    const [a, b] = [await fingerprint(siaeA.id), await fingerprint(siaeB.id)];
    expect(a).toMatchObject({ companies: LINES, contacts: LINES / 3 });
    expect(a).toEqual(b);
    const comparable = (r: Record<string, unknown>) => ({
      ...r,
      report: (r.report as Array<{ line: number; outcome: string; message: string }>).map((l) => [
        l.line,
        l.outcome,
        l.message,
      ]),
    });
    expect(comparable(view.result as Record<string, unknown>)).toEqual(comparable(synchronous as never));
    const audits = await t.dataSource.query(
      `SELECT subject_id, context->>'companies' AS companies FROM audit_entry WHERE action = 'company.import' ORDER BY at`,
    );
    expect(audits).toEqual([
      { subject_id: siaeA.id, companies: String(LINES) },
      { subject_id: siaeB.id, companies: String(LINES) },
    ]);
  }, 900_000);

  it('keeps the dry run in the request up to 2,000 lines, and refuses a bigger one', async () => {
    const small = Buffer.from(file.toString('utf8').split('\n').slice(0, 2001).join('\n') + '\n', 'utf8');
    const dry = await t
      .http()
      .post(`/api/siae/${siaeB.id}/companies/import`)
      .query({ dryRun: 'true' })
      .set('authorization', `Bearer ${await f.tokenFor(devB)}`)
      .set('content-type', 'text/csv')
      .send(small);
    expect([dry.status, dry.body.dryRun, dry.body.lines, dry.body.existing]).toEqual([200, true, 2000, 2000]);
    const big = await t
      .http()
      .post(`/api/siae/${siaeB.id}/companies/import`)
      .query({ dryRun: 'true' })
      .set('authorization', `Bearer ${await f.tokenFor(devB)}`)
      .set('content-type', 'text/csv')
      .send(file);
    expect([big.status, big.body.code, big.body.details]).toEqual([
      400,
      'IMPORT_DRY_RUN_TOO_LARGE',
      { lines: LINES, max: 2000 },
    ]);
    expect(big.body.message).toMatch(/2\u202f000 lignes au plus|2 000 lignes au plus/);
  }, 300_000);
});
