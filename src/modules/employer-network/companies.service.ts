import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { assertMayWrite, holdsRoleIn, type WriteRule } from '../structures/access';
import { employerNetworkWrites } from './employer-network.permissions';
import {
  COMPANY_WRITERS,
  viewerOf,
  pooledCollectivesOf,
  visibleCompanySql,
  type Viewer,
} from './employer-network-access';
import { employerNetworkErrors as errors } from './employer-network.errors';
import type { ContactDto, CreateCompanyDto, UpdateCompanyDto } from './dto/company.dto';
import { CompanyContact, CompanyInteraction, Company } from './entities';
import { normaliseEmail, toE164 } from './linking/phone';
import { PoolingRequests } from './pooling-requests.service';
import type { Accommodation, ContractType, NeedStatus } from './employer-network-vocabulary';

const clean = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim();
const digits = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null ? null : v.replace(/\D/g, '') || null;
const nafOf = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null ? null : v.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

export function contactRow(companyId: string, c: ContactDto): Partial<CompanyContact> {
  return {
    companyId,
    firstName: clean(c.firstName) ?? null,
    lastName: clean(c.lastName) ?? null,
    role: clean(c.role) ?? null,
    email: clean(c.email) ?? null,
    phone: clean(c.phone) ?? null,
    emailNormalised: normaliseEmail(c.email),
    phoneE164: toE164(c.phone),
    preferredChannel: c.preferredChannel ?? null,
  };
}

/** A need as the company record lists it (read by `view`). */
export interface HiringNeedView {
  id: string;
  appellationCode: string;
  appellationLabel: string;
  positions: number;
  contractType: ContractType;
  weeklyHours: number | null;
  placeCommuneCode: string | null;
  startDate: string | null;
  accommodations: Accommodation[];
  status: NeedStatus;
  confirmedAt: Date;
  closedAt: Date | null;
}

export interface CompanyView {
  id: string;
  siaeId: string;
  mine: boolean;
  name: string;
  siret: string | null;
  siren: string | null;
  naf: string | null;
  sizeBand: string | null;
  communeCode: string | null;
  address: string | null;
  website: string | null;
  contacts: Array<Omit<CompanyContact, 'company' | 'companyId' | 'emailNormalised' | 'phoneE164'>> | null;
  interactions: CompanyInteraction[];
  needs: HiringNeedView[];
  shares?: Array<{ collectiveId: string; withContacts: boolean; sharedAt: Date }>;
  createdAt: Date;
  updatedAt: Date;
}

/** Company records of an SIAE: create, read (with the visibility rule in SQL), update, contacts (interactions: CompanyInteractionsService). */
@Injectable()
export class CompaniesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly pooling: PoolingRequests,
  ) {}

  async create(principal: Principal, dto: CreateCompanyDto): Promise<CompanyView> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      this.assertWriter(viewer, dto.siaeId);
      const company = await this.insert(manager, viewer.userId, dto);
      return this.view(manager, viewer, company.id);
    });
  }

  /** Used by the API and by the CSV import (inside its own all-or-nothing transaction). */
  async insert(manager: EntityManager, userId: string | null, dto: CreateCompanyDto): Promise<Company> {
    const company = await manager.save(
      Company,
      manager.create(Company, {
        siaeId: dto.siaeId,
        name: dto.name.trim(),
        siret: digits(dto.siret) ?? null,
        siren: digits(dto.siren) ?? null,
        naf: nafOf(dto.naf) ?? null,
        sizeBand: dto.sizeBand ?? null,
        communeCode: clean(dto.communeCode) ?? null,
        address: clean(dto.address) ?? null,
        website: clean(dto.website) ?? null,
        createdByUserId: userId,
      }),
    );
    if (dto.contacts?.length)
      await manager.insert(
        CompanyContact,
        dto.contacts.map((c) => contactRow(company.id, c)),
      );
    return company;
  }

  async list(
    principal: Principal,
    siaeId: string,
  ): Promise<Array<Pick<Company, 'id' | 'name' | 'siret' | 'communeCode' | 'sizeBand' | 'updatedAt'>>> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      if (!viewer.ownSiaeIds.includes(siaeId)) throw errors.siaeNotFound();
      return manager.query(
        `SELECT id, name, siret, commune_code AS "communeCode", size_band AS "sizeBand", updated_at AS "updatedAt"
           FROM company WHERE siae_id = $1 ORDER BY name, id`,
        [siaeId],
      );
    });
  }

  async detail(principal: Principal, id: string): Promise<CompanyView> {
    return this.dataSource.transaction(async (manager) => this.view(manager, viewerOf(principal), id));
  }

  async update(principal: Principal, id: string, dto: UpdateCompanyDto): Promise<CompanyView> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const company = await this.lockWritable(manager, viewer, id);
      const patch: Partial<Company> = {};
      if (dto.name !== undefined) patch.name = dto.name.trim();
      if (dto.siret !== undefined) patch.siret = digits(dto.siret) ?? null;
      if (dto.siren !== undefined) patch.siren = digits(dto.siren) ?? null;
      if (dto.naf !== undefined) patch.naf = nafOf(dto.naf) ?? null;
      if (dto.sizeBand !== undefined) patch.sizeBand = dto.sizeBand;
      if (dto.communeCode !== undefined) patch.communeCode = clean(dto.communeCode) ?? null;
      if (dto.address !== undefined) patch.address = clean(dto.address) ?? null;
      if (dto.website !== undefined) patch.website = clean(dto.website) ?? null;
      if (Object.keys(patch).length > 0) {
        await manager.update(Company, { id: company.id }, patch);
        // what identifies the company changed: the collectives it is shared with re-link it
        await this.pooling.requestForCompany(manager, company.id, viewer.userId);
      }
      return this.view(manager, viewer, id);
    });
  }

  async addContact(principal: Principal, id: string, dto: ContactDto): Promise<CompanyView> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      await this.lockWritable(manager, viewer, id);
      await manager.insert(CompanyContact, contactRow(id, dto));
      await this.pooling.requestForCompany(manager, id, viewer.userId);
      return this.view(manager, viewer, id);
    });
  }

  assertWriter(viewer: Viewer, siaeId: string): void {
    if (holdsRoleIn(viewer, siaeId, COMPANY_WRITERS)) return;
    if (viewer.ownSiaeIds.includes(siaeId)) throw errors.writeForbidden();
    throw errors.siaeNotFound();
  }

  /** The company row, locked, if the viewer may write it under `rule` (403 for other staff of its SIAE, 404 for anybody else). */
  async lockWritable(
    manager: EntityManager,
    viewer: Viewer,
    id: string,
    rule: WriteRule = employerNetworkWrites.ownRecord,
  ): Promise<Company> {
    const company = await manager.findOne(Company, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!company) throw rule.hidden();
    assertMayWrite(viewer, rule, {
      collectiveIds: [],
      ownerSiaeIds: [company.siaeId],
      subject: { type: 'company', id: company.id },
    });
    return company;
  }

  /**
   * One record as this viewer may see it: owner staff see everything; members of a collective it is shared with see the
   * record, and its contacts only if it was shared with them. The read of contacts (personal data) is audited.
   */
  async view(manager: EntityManager, viewer: Viewer, id: string): Promise<CompanyView> {
    const pooled = pooledCollectivesOf(viewer);
    const rows: Array<Company & { contacts_visible: boolean }> = await manager.query(
      `SELECT c.*, ${visibleCompanySql('c', '$2', '$3', true)} AS contacts_visible
         FROM company c WHERE c.id = $1 AND ${visibleCompanySql('c', '$2', '$3')}`,
      [id, viewer.ownSiaeIds, pooled],
    );
    const row = rows[0];
    if (!row) throw errors.companyNotFound();
    const r = row as unknown as Record<string, unknown>;
    const mine = viewer.ownSiaeIds.includes(r.siae_id as string);
    let contacts: CompanyView['contacts'] = null;
    if (row.contacts_visible) {
      const list = await manager.find(CompanyContact, {
        where: { companyId: id },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      contacts = list.map(({ id: cid, firstName, lastName, role, email, phone, preferredChannel, createdAt }) => ({
        id: cid,
        firstName,
        lastName,
        role,
        email,
        phone,
        preferredChannel,
        createdAt,
      }));
      if (list.length > 0)
        await this.audit.record(
          {
            actorUserId: viewer.userId,
            action: 'company.contacts.read',
            subjectType: 'company',
            subjectId: id,
            context: { contacts: list.length, mine },
          },
          manager,
        );
    }
    // The candidate of an outcome is shown to the staff of the SIAE that logged it only (identity stays in its SIAE).
    const interactions = (
      await manager.find(CompanyInteraction, { where: { companyId: id }, order: { occurredOn: 'DESC', id: 'ASC' } })
    ).map((i) => ({
      ...i,
      candidateId: i.bySiaeId !== null && viewer.ownSiaeIds.includes(i.bySiaeId) ? i.candidateId : null,
    }));
    const needs = await manager.query(
      `SELECT n.id, n.appellation_code AS "appellationCode", a.label AS "appellationLabel", n.positions, n.contract_type AS "contractType",
              n.weekly_hours::float AS "weeklyHours", n.place_commune_code AS "placeCommuneCode", n.start_date::text AS "startDate",
              n.accommodations, n.status, n.confirmed_at AS "confirmedAt", n.closed_at AS "closedAt"
         FROM hiring_need n JOIN rome_appellation a ON a.code = n.appellation_code
        WHERE n.company_id = $1 ORDER BY n.created_at, n.id`,
      [id],
    );
    const view: CompanyView = {
      id,
      siaeId: r.siae_id as string,
      mine,
      name: r.name as string,
      siret: r.siret as string | null,
      siren: r.siren as string | null,
      naf: r.naf as string | null,
      sizeBand: r.size_band as string | null,
      communeCode: r.commune_code as string | null,
      address: r.address as string | null,
      website: r.website as string | null,
      contacts,
      interactions,
      needs,
      createdAt: r.created_at as Date,
      updatedAt: r.updated_at as Date,
    };
    if (mine) {
      view.shares = await manager.query(
        `SELECT collective_id AS "collectiveId", with_contacts AS "withContacts", shared_at AS "sharedAt"
           FROM company_share WHERE company_id = $1 AND withdrawn_at IS NULL ORDER BY shared_at`,
        [id],
      );
    }
    return view;
  }
}
