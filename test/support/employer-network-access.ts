/**
 * Access entries for the employer-network routes (test/support/access-table.ts), on the shared access world. Run by
 * test/e2e/employer-network-access.e2e-spec.ts; the shared matrix counts these routes as covered.
 */
import { none, refuse, type AccessEntry } from './access-table';
import { asActor as as, type AccessWorld } from './access-world';

/** A company record of SIAE A (made by its chargé·e de développement through the API), shared with C1 if asked. */
export async function companyOfA(w: AccessWorld, shared = false): Promise<string> {
  const { id } = await as(w, 'devA', 'post', '/api/companies', {
    siaeId: w.siaeA.id,
    name: 'Entreprise Matrice',
    communeCode: '69123',
  });
  if (shared) await as(w, 'devA', 'post', `/api/companies/${id}/shares`, { collectiveId: w.c1.id, withContacts: true });
  return id as string;
}

/** A pooled company of C1 over `members` shared records of A (written in SQL: the matrix runs without a worker). */
export async function pooledOfC1(w: AccessWorld, members = 1): Promise<{ id: string; companyIds: string[] }> {
  const companyIds: string[] = [];
  for (let i = 0; i < members; i++) companyIds.push(await companyOfA(w, true));
  const [{ id }] = await w.t.dataSource.query(
    `INSERT INTO pooled_company (collective_id, display_name) VALUES ($1, 'Entreprise Matrice') RETURNING id`,
    [w.c1.id],
  );
  for (const companyId of companyIds)
    await w.t.dataSource.query(
      `INSERT INTO pooled_company_member (pooled_company_id, collective_id, company_id) VALUES ($1, $2, $3)`,
      [id, w.c1.id, companyId],
    );
  return { id, companyIds };
}

async function needOf(w: AccessWorld, companyId: string): Promise<string> {
  const body = await as(w, 'devA', 'post', `/api/companies/${companyId}/needs`, {
    appellationCode: '10571',
    positions: 1,
    contractType: 'cdd',
  });
  return body.id as string;
}

const companyParam = async (w: AccessWorld) => ({ id: await companyOfA(w) });

/** A contact on a company record of SIAE A (for the GDPR routes of company contacts). */
async function contactOfA(w: AccessWorld): Promise<{ id: string; contactId: string }> {
  const id = await companyOfA(w);
  const body = await as(w, 'devA', 'post', `/api/companies/${id}/contacts`, {
    lastName: 'Matrice',
    email: 'contact.matrice@exemple.fr',
  });
  return { id, contactId: (body.contacts as Array<{ id: string }>)[0].id };
}

export const employerNetworkEntries: Record<string, AccessEntry> = {
  'POST /api/companies': {
    allowed: { as: 'devA', status: 201 },
    wrongRole: 'cipA',
    otherTenant: 'devB',
    request: async (w) => ({ body: { siaeId: w.siaeA.id, name: 'Transports Matrice' } }),
  },
  'POST /api/siae/:siaeId/companies/import': {
    allowed: { as: 'devA', status: 202 },
    wrongRole: 'cipA',
    otherTenant: 'devB',
    // a Buffer goes out as the raw body (the route reads the CSV bytes, not JSON)
    request: async (w) => ({
      params: { siaeId: w.siaeA.id },
      body: Buffer.from('Raison sociale;Code INSEE\nImport Matrice;69123\n', 'utf8'),
    }),
  },
  'GET /api/siae/:siaeId/companies': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: 'noRole',
    otherTenant: 'cipB',
    request: async (w) => ({ params: { siaeId: w.siaeA.id } }),
  },
  'GET /api/companies/:id': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: none(
      'any signed-in user may ask; the query shows only records of their SIAE or shared with their collectives',
    ),
    otherTenant: 'devB',
    request: async (w) => ({ params: await companyParam(w) }),
  },
  'PATCH /api/companies/:id': {
    allowed: { as: 'devA', status: 200 },
    wrongRole: 'cipA',
    otherTenant: 'devB',
    request: async (w) => ({ params: await companyParam(w), body: { name: 'Matrice SARL' } }),
  },
  'POST /api/companies/:id/contacts': {
    allowed: { as: 'devA', status: 201 },
    wrongRole: 'cipA',
    otherTenant: 'devB',
    request: async (w) => ({ params: await companyParam(w), body: { lastName: 'Martin' } }),
  },
  'GET /api/companies/:id/contacts/:contactId/export': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: 'cipA',
    otherTenant: 'devB',
    request: async (w) => ({ params: await contactOfA(w) }),
  },
  'POST /api/companies/:id/contacts/:contactId/erasure': {
    allowed: { as: 'devA', status: 200 },
    wrongRole: 'cipA',
    otherTenant: 'devB',
    request: async (w) => ({ params: await contactOfA(w) }),
  },
  'POST /api/companies/:id/interactions': {
    // a CIP places people in immersions and hires: every staff role of the owner (and of partners on a shared record) logs
    allowed: { as: 'cipA', status: 201 },
    wrongRole: 'noRole',
    otherTenant: 'devB',
    request: async (w) => ({ params: await companyParam(w), body: { kind: 'call', occurredOn: '2025-01-15' } }),
  },
  'POST /api/companies/:id/needs': {
    allowed: { as: 'devA', status: 201 },
    wrongRole: 'cipA',
    otherTenant: 'devB',
    request: async (w) => ({
      params: await companyParam(w),
      body: { appellationCode: '10571', positions: 1, contractType: 'cdd' },
    }),
  },
  'POST /api/companies/:id/needs/:needId/confirm': {
    allowed: { as: 'devA', status: 200 },
    wrongRole: 'cipA',
    otherTenant: 'devB',
    request: async (w) => {
      const id = await companyOfA(w);
      return { params: { id, needId: await needOf(w, id) } };
    },
  },
  'POST /api/companies/:id/needs/:needId/status': {
    allowed: { as: 'devA', status: 200 },
    wrongRole: 'cipA',
    otherTenant: 'devB',
    request: async (w) => {
      const id = await companyOfA(w);
      return { params: { id, needId: await needOf(w, id) }, body: { status: 'filled' } };
    },
  },
  'POST /api/companies/:id/shares': {
    allowed: { as: 'devA', status: 201 },
    wrongRole: 'cipA',
    otherTenant: 'devB',
    request: async (w) => ({ params: await companyParam(w), body: { collectiveId: w.c1.id, withContacts: false } }),
  },
  'POST /api/companies/:id/shares/:collectiveId/withdraw': {
    allowed: { as: 'devA', status: 200 },
    wrongRole: 'cipA',
    otherTenant: 'devB',
    request: async (w) => ({ params: { id: await companyOfA(w, true), collectiveId: w.c1.id } }),
  },
  'POST /api/admin/hiring-needs/expire': {
    allowed: { as: 'admin', status: 202 },
    wrongRole: 'devA',
    otherTenant: none('platform-wide maintenance'),
  },
  'GET /api/collectives/:id/pooled-companies': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: none('any signed-in user may ask; outside their collectives the answer is 404'),
    otherTenant: 'cipB',
    request: async (w) => ({ params: { id: w.c1.id } }),
  },
  'GET /api/collectives/:id/reciprocity': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: none('any signed-in user may ask; outside their collectives the answer is 404'),
    otherTenant: 'cipB',
    request: async (w) => ({ params: { id: w.c1.id } }),
  },
  'POST /api/collectives/:id/pooling-runs': {
    allowed: { as: 'devA', status: 202 },
    wrongRole: refuse('cipA', 403, 'COMPANY_WRITE_FORBIDDEN'),
    otherTenant: refuse('devB', 404, 'COLLECTIVE_NOT_FOUND'),
    request: async (w) => ({ params: { id: w.c1.id } }),
  },
  'GET /api/siae/:siaeId/companies/imports/:importId': {
    allowed: { as: 'devA', status: 200 },
    wrongRole: 'cipA',
    otherTenant: 'devB',
    request: async (w) => {
      const res = await w.t
        .http()
        .post(`/api/siae/${w.siaeA.id}/companies/import`)
        .set('authorization', `Bearer ${w.tokens.get('devA')}`)
        .set('content-type', 'text/csv')
        .send(Buffer.from('Raison sociale;Code INSEE\nImport Suivi;69123\n', 'utf8'));
      if (res.status !== 202) throw new Error(`import setup failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { params: { siaeId: w.siaeA.id, importId: res.body.id as string } };
    },
  },
  'GET /api/pooling-runs/:id': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: none('any signed-in user may ask; outside their collectives the answer is 404'),
    otherTenant: 'cipB',
    request: async (w) => ({
      params: { id: (await as<{ id: string }>(w, 'devA', 'post', `/api/collectives/${w.c1.id}/pooling-runs`, {})).id },
    }),
  },
  'GET /api/collectives/:id/solicitation-budget': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: none('any signed-in user may ask; outside their collectives the answer is 404'),
    otherTenant: 'cipB',
    request: async (w) => ({ params: { id: w.c1.id } }),
  },
  'PUT /api/collectives/:id/solicitation-budget': {
    allowed: { as: 'dirA', status: 200 },
    wrongRole: refuse('cipA', 403, 'SOLICITATION_BUDGET_FORBIDDEN'),
    otherTenant: refuse('devB', 404, 'COLLECTIVE_NOT_FOUND'),
    request: async (w) => ({ params: { id: w.c1.id }, body: { default: { maxPer30Days: 4, maxPer7Days: 1 } } }),
  },
  'GET /api/pooled-companies/:id': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: none('any signed-in user may ask; outside their collectives the answer is 404'),
    otherTenant: 'cipB',
    request: async (w) => ({ params: { id: (await pooledOfC1(w)).id } }),
  },
  'POST /api/pooled-companies/:id/split': {
    allowed: { as: 'devA', status: 202 },
    wrongRole: refuse('cipA', 403, 'CORRECTION_FORBIDDEN'),
    otherTenant: refuse('devB', 404, 'POOLED_COMPANY_NOT_FOUND'),
    request: async (w) => {
      const p = await pooledOfC1(w, 2);
      return { params: { id: p.id }, body: { companyIds: [p.companyIds[1]] } };
    },
  },
  'POST /api/pooled-companies/:id/merge': {
    allowed: { as: 'devA', status: 202 },
    wrongRole: refuse('cipA', 403, 'CORRECTION_FORBIDDEN'),
    otherTenant: refuse('devB', 404, 'POOLED_COMPANY_NOT_FOUND'),
    request: async (w) => ({
      params: { id: (await pooledOfC1(w)).id },
      body: { otherPooledCompanyId: (await pooledOfC1(w)).id },
    }),
  },
  'GET /api/pooled-companies/:id/solicitations': {
    allowed: { as: 'cipA', status: 200 },
    wrongRole: none('any signed-in user may ask; outside their collectives the answer is 404'),
    otherTenant: 'cipB',
    request: async (w) => ({ params: { id: (await pooledOfC1(w)).id } }),
  },
  'POST /api/pooled-companies/:id/solicitations': {
    allowed: { as: 'cipA', status: 201 },
    wrongRole: none('any member staff may solicit in the name of their SIAE'),
    otherTenant: 'cipB',
    request: async (w) => ({
      params: { id: (await pooledOfC1(w)).id },
      body: { siaeId: w.siaeA.id, kind: 'information' },
    }),
  },
  'PUT /api/pooled-companies/:id/pause': {
    allowed: { as: 'devA', status: 200 },
    wrongRole: refuse('cipA', 403, 'PAUSE_FORBIDDEN'),
    otherTenant: refuse('devB', 404, 'POOLED_COMPANY_NOT_FOUND'),
    request: async (w) => ({
      params: { id: (await pooledOfC1(w)).id },
      body: { until: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), reason: 'Inventaire' },
    }),
  },
  'DELETE /api/pooled-companies/:id/pause': {
    allowed: { as: 'devA', status: 200 },
    wrongRole: refuse('cipA', 403, 'PAUSE_FORBIDDEN'),
    otherTenant: refuse('devB', 404, 'POOLED_COMPANY_NOT_FOUND'),
    request: async (w) => {
      const { id } = await pooledOfC1(w);
      await w.t.dataSource.query(
        `UPDATE pooled_company SET paused_until = current_date + 30, pause_reason = 'Inventaire' WHERE id = $1`,
        [id],
      );
      return { params: { id } };
    },
  },
};
