import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { Clock } from '../../platform/clock/clock';
import { activeMembersSql } from '../structures/access';
import { viewerOf, pooledCollectivesOf } from './employer-network-access';
import { employerNetworkErrors as errors } from './employer-network.errors';
import type { DirectoryQueryDto } from './dto/pooling.dto';
import { PooledCompany } from './entities';
import { linkContacts } from './linking/link-contacts';
import { UnionFind } from './linking/union-find';
import { SolicitationsService } from './solicitations.service';

/** The collective's view of the pooled network: one company with its provenance, needs, history, contacts and budget. */
@Injectable()
export class PooledCompaniesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly solicitations: SolicitationsService,
    private readonly clock: Clock,
  ) {}

  async detail(principal: Principal, id: string) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const pooled = await manager.findOne(PooledCompany, { where: { id } });
      if (!pooled || pooled.dissolvedAt !== null || !pooledCollectivesOf(viewer).includes(pooled.collectiveId))
        throw errors.pooledCompanyNotFound();
      // Provenance: which SIAE know it, since when (their record), shared when and by whom; the first to share introduced it.
      const knownBy: Array<{
        companyId: string;
        siaeId: string;
        siaeName: string;
        name: string;
        knownSince: Date;
        sharedAt: Date;
        sharedByUserId: string | null;
        withContacts: boolean;
      }> = await manager.query(
        `SELECT c.id AS "companyId", c.siae_id AS "siaeId", si.name AS "siaeName", c.name, c.created_at AS "knownSince",
                  s.shared_at AS "sharedAt", s.shared_by_user_id AS "sharedByUserId", s.with_contacts AS "withContacts"
             FROM pooled_company_member m
             JOIN company c ON c.id = m.company_id
             JOIN siae si ON si.id = c.siae_id
             JOIN company_share s ON s.company_id = c.id AND s.collective_id = m.collective_id AND s.withdrawn_at IS NULL
            WHERE m.pooled_company_id = $1
            ORDER BY s.shared_at, c.id`,
        [id],
      );
      const companyIds = knownBy.map((k) => k.companyId);
      const needs = await manager.query(
        `SELECT n.id, n.company_id AS "companyId", n.appellation_code AS "appellationCode", a.label AS "appellationLabel", a.fiche_code AS "romeCode",
                n.positions, n.contract_type AS "contractType", n.weekly_hours::float AS "weeklyHours", n.place_commune_code AS "placeCommuneCode",
                n.start_date::text AS "startDate", n.accommodations, n.confirmed_at AS "confirmedAt"
           FROM hiring_need n JOIN rome_appellation a ON a.code = n.appellation_code
          WHERE n.company_id = ANY($1::uuid[]) AND n.status = 'open' ORDER BY n.confirmed_at DESC, n.id`,
        [companyIds],
      );
      const interactions = await manager.query(
        `SELECT i.id, i.company_id AS "companyId", coalesce(i.by_siae_id, c.siae_id) AS "siaeId", i.kind, i.occurred_on::text AS "occurredOn", i.by_user_id AS "byUserId", i.note
           FROM company_interaction i JOIN company c ON c.id = i.company_id
          WHERE i.company_id = ANY($1::uuid[]) ORDER BY i.occurred_on DESC, i.id`,
        [companyIds],
      );
      const withContacts = knownBy.filter((k) => k.withContacts).map((k) => k.companyId);
      const contactRows: Array<{
        id: string;
        company_id: string;
        first_name: string | null;
        last_name: string | null;
        role: string | null;
        email: string | null;
        phone: string | null;
        preferred_channel: string | null;
      }> = withContacts.length
        ? await manager.query(
            `SELECT id, company_id, first_name, last_name, role, email, phone, preferred_channel FROM company_contact WHERE company_id = ANY($1::uuid[]) ORDER BY created_at, id`,
            [withContacts],
          )
        : [];
      const contacts = mergeContacts(contactRows);
      if (contactRows.length > 0)
        await this.audit.record(
          {
            actorUserId: viewer.userId,
            action: 'pooled_company.contacts.read',
            subjectType: 'pooled_company',
            subjectId: id,
            context: { contacts: contactRows.length },
          },
          manager,
        );
      const budget = await this.solicitations.status(manager, pooled, this.clock.now());
      return {
        id: pooled.id,
        collectiveId: pooled.collectiveId,
        name: pooled.displayName,
        siret: pooled.siret,
        siren: pooled.siren,
        communeCode: pooled.communeCode,
        sizeBand: pooled.sizeBand,
        pausedUntil: pooled.pausedUntil,
        pauseReason: pooled.pauseReason,
        introducedBy: knownBy[0]
          ? { siaeId: knownBy[0].siaeId, siaeName: knownBy[0].siaeName, at: knownBy[0].sharedAt }
          : null,
        knownBy,
        needs,
        interactions,
        contacts,
        budget,
      };
    });
  }

  /** Pooled companies of a collective by name, ROME fiche or domain of their open needs, and commune + radius. */
  async directory(principal: Principal, collectiveId: string, q: DirectoryQueryDto) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      if (!pooledCollectivesOf(viewer).includes(collectiveId)) throw errors.collectiveNotFound();
      if (q.radiusKm !== undefined && !q.commune) throw errors.radiusWithoutCommune();
      const params: unknown[] = [collectiveId];
      const where = ['p.collective_id = $1', 'p.dissolved_at IS NULL'];
      if (q.q) {
        params.push(
          `%${q.q
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase()}%`,
        );
        where.push(`EXISTS (SELECT 1 FROM pooled_company_member m JOIN company c ON c.id = m.company_id
                     WHERE m.pooled_company_id = p.id AND lower(unaccent(c.name)) LIKE $${params.length})`);
      }
      if (q.rome) {
        params.push(`${q.rome}%`);
        where.push(`EXISTS (SELECT 1 FROM pooled_company_member m JOIN hiring_need n ON n.company_id = m.company_id AND n.status = 'open'
                     JOIN rome_appellation a ON a.code = n.appellation_code
                     WHERE m.pooled_company_id = p.id AND a.fiche_code LIKE $${params.length})`);
      }
      let distance = 'NULL::float';
      if (q.commune) {
        const here = await manager.query(`SELECT latitude, longitude FROM commune WHERE code = $1`, [q.commune]);
        if (here.length === 0) throw errors.unknownCommune();
        params.push(here[0].latitude, here[0].longitude, (q.radiusKm ?? 20) * 1000);
        const [lat, lon, radius] = [params.length - 2, params.length - 1, params.length];
        where.push(`earth_box(ll_to_earth($${lat}, $${lon}), $${radius}) @> ll_to_earth(co.latitude, co.longitude)
                    AND earth_distance(ll_to_earth($${lat}, $${lon}), ll_to_earth(co.latitude, co.longitude)) <= $${radius}`);
        distance = `round((earth_distance(ll_to_earth($${lat}, $${lon}), ll_to_earth(co.latitude, co.longitude)) / 1000)::numeric, 1)::float`;
      }
      params.push(q.limit ?? 50);
      return manager.query(
        `SELECT p.id, p.display_name AS name, p.siret, p.commune_code AS "communeCode", co.name AS "communeName", p.size_band AS "sizeBand",
                p.paused_until::text AS "pausedUntil", ${distance} AS "distanceKm",
                (SELECT count(DISTINCT c.siae_id)::int FROM pooled_company_member m JOIN company c ON c.id = m.company_id WHERE m.pooled_company_id = p.id) AS "knownBySiae",
                (SELECT count(*)::int FROM pooled_company_member m JOIN hiring_need n ON n.company_id = m.company_id AND n.status = 'open' WHERE m.pooled_company_id = p.id) AS "openNeeds"
           FROM pooled_company p LEFT JOIN commune co ON co.code = p.commune_code
          WHERE ${where.join(' AND ')}
          ORDER BY ${q.commune ? '"distanceKm",' : ''} p.display_name, p.id
          LIMIT $${params.length}`,
        params,
      );
    });
  }

  /**
   * Reciprocity per SIAE of a collective: records contributed, pooled companies it introduced, pooled companies
   * introduced by others that it used (solicited), and outcomes (hires, immersions, interviews) it obtained with companies others
   * introduced, counted only when tied to a candidate of the SIAE that recorded them (checked when logged: an outcome
   * anyone could log without naming whom it was for would inflate the figures the collective's trust rests on). What makes SIAE keep sharing is seeing that it goes both ways.
   */
  async reciprocity(principal: Principal, collectiveId: string) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      if (!pooledCollectivesOf(viewer).includes(collectiveId)) throw errors.collectiveNotFound();
      return manager.query(
        `WITH members AS (
           SELECT m.pooled_company_id, c.id AS company_id, c.siae_id, s.shared_at
             FROM pooled_company_member m
             JOIN company c ON c.id = m.company_id
             JOIN company_share s ON s.company_id = c.id AND s.collective_id = m.collective_id AND s.withdrawn_at IS NULL
            WHERE m.collective_id = $1),
         introducer AS (
           SELECT DISTINCT ON (pooled_company_id) pooled_company_id, siae_id FROM members ORDER BY pooled_company_id, shared_at, company_id)
         SELECT cm.siae_id AS "siaeId", si.name AS "siaeName",
                (SELECT count(*)::int FROM members x WHERE x.siae_id = cm.siae_id) AS "recordsContributed",
                (SELECT count(*)::int FROM introducer i WHERE i.siae_id = cm.siae_id) AS "companiesIntroduced",
                (SELECT count(DISTINCT so.pooled_company_id)::int FROM solicitation so JOIN introducer i ON i.pooled_company_id = so.pooled_company_id
                  WHERE so.siae_id = cm.siae_id AND i.siae_id <> cm.siae_id) AS "othersCompaniesUsed",
                (SELECT count(*)::int FROM company_interaction it JOIN members x ON x.company_id = it.company_id
                   JOIN introducer i ON i.pooled_company_id = x.pooled_company_id
                  WHERE coalesce(it.by_siae_id, x.siae_id) = cm.siae_id AND i.siae_id <> cm.siae_id
                    AND it.kind IN ('hire', 'immersion_hosted', 'interview') AND it.candidate_id IS NOT NULL) AS "outcomesThroughOthers"
           FROM (${activeMembersSql('$1::uuid')}) cm JOIN siae si ON si.id = cm.siae_id
          ORDER BY si.name, cm.siae_id`,
        [collectiveId],
      );
    });
  }
}

type ContactRow = {
  id: string;
  company_id: string;
  first_name: string | null;
  last_name: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  preferred_channel: string | null;
};

/** One entry per person: the engine's contact linking (e-mail / E.164 phone with agreeing names) inside one pooled company. */
function mergeContacts(rows: ContactRow[]) {
  const records = [
    {
      recordId: 'pooled',
      siaeId: '',
      name: '',
      contacts: rows.map((r) => ({
        contactId: r.id,
        firstName: r.first_name,
        lastName: r.last_name,
        email: r.email,
        phone: r.phone,
      })),
    },
  ];
  const groups = linkContacts(records, new UnionFind(1));
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));
  const people = new Map<string, ContactRow[]>();
  for (const r of rows) {
    const key = groupOf.has(r.id) ? `g${groupOf.get(r.id)}` : r.id;
    (people.get(key) ?? people.set(key, []).get(key)!).push(r);
  }
  return [...people.values()].map((same) => ({
    firstName: same.find((s) => s.first_name && s.first_name.length > 2)?.first_name ?? same[0].first_name,
    lastName: same.find((s) => s.last_name)?.last_name ?? null,
    role: same.find((s) => s.role)?.role ?? null,
    emails: [...new Set(same.map((s) => s.email?.trim().toLowerCase()).filter((e): e is string => Boolean(e)))],
    phones: [...new Set(same.map((s) => s.phone).filter((p): p is string => Boolean(p)))],
    preferredChannel: same.find((s) => s.preferred_channel)?.preferred_channel ?? null,
    fromCompanyIds: [...new Set(same.map((s) => s.company_id))],
  }));
}
