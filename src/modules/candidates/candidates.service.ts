import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { holdsRoleIn } from '../structures/access';
import { assertNotErased, CANDIDATE_WRITERS, lockWritableCandidate, viewerOf, type Viewer } from './candidate-access';
import { syncContractEnd } from './candidate-profile.service';
import { loadSharedProfiles, type SharedProfileView } from './candidate-views';
import { inOrder } from './in-order';
import { candidatesErrors } from './candidates.errors';
import type { CreateCandidateDto, UpdateCandidateDto } from './dto/candidate.dto';
import { CandidateConsent } from './entities/candidate-consent.entity';
import { Candidate } from './entities/candidate.entity';

export interface CandidateIdentityView {
  firstName: string;
  lastName: string;
  birthDate: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface ConsentView {
  id: string;
  scope: string;
  givenAt: Date;
  recordedByUserId: string | null;
  wording: string;
  documentRef: string | null;
  withdrawnAt: Date | null;
  withdrawnByUserId: string | null;
  collectiveIds: string[] | null;
  active: boolean;
}

/** What staff of the candidate's SIAE see. */
export interface CandidateFullView {
  id: string;
  mine: true;
  siaeId: string;
  identity: CandidateIdentityView;
  referentUserId: string | null;
  contractStart: string | null;
  contractEnd: string | null;
  status: string;
  leftAt: string | null;
  erasedAt: Date | null;
  createdAt: Date;
  profile: SharedProfileView | null;
  consents: ConsentView[];
}

/** What staff of a partner SIAE see: the shared profile, nothing else. */
export interface CandidatePartnerView {
  id: string;
  mine: false;
  siaeId: string;
  profile: SharedProfileView;
}

export const consentView = (c: CandidateConsent): ConsentView => ({
  id: c.id,
  scope: c.scope,
  givenAt: c.givenAt,
  recordedByUserId: c.recordedByUserId,
  wording: c.wording,
  documentRef: c.documentRef,
  withdrawnAt: c.withdrawnAt,
  withdrawnByUserId: c.withdrawnByUserId,
  collectiveIds: c.collectiveIds,
  active: c.withdrawnAt === null,
});

const emptyToNull = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim();

@Injectable()
export class CandidatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, dto: CreateCandidateDto): Promise<CandidateFullView> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      if (!viewer.ownSiaeIds.includes(dto.siaeId)) throw candidatesErrors.siaeNotFound();
      if (!holdsRoleIn(viewer, dto.siaeId, CANDIDATE_WRITERS)) throw candidatesErrors.onlyCipOrDirection();
      if (dto.referentUserId) await this.assertReferent(manager, dto.siaeId, dto.referentUserId);
      if (dto.contractStart && dto.contractEnd && dto.contractEnd < dto.contractStart)
        throw candidatesErrors.contractDates();
      const saved = await manager.getRepository(Candidate).save({
        siaeId: dto.siaeId,
        referentUserId: dto.referentUserId ?? null,
        firstName: dto.firstName.trim(),
        lastName: dto.lastName.trim(),
        birthDate: dto.birthDate ?? null,
        phone: emptyToNull(dto.phone) ?? null,
        email: emptyToNull(dto.email)?.toLowerCase() ?? null,
        address: emptyToNull(dto.address) ?? null,
        contractStart: dto.contractStart ?? null,
        contractEnd: dto.contractEnd ?? null,
        status: 'in_parcours',
        leftAt: null,
        createdByUserId: principal.userId,
      });
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'candidate.created',
          subjectType: 'candidate',
          subjectId: saved.id,
          context: { siaeId: saved.siaeId },
        },
        manager,
      );
      return this.fullView(manager, viewer, await manager.findOneByOrFail(Candidate, { id: saved.id }));
    });
  }

  async update(principal: Principal, candidateId: string, dto: UpdateCandidateDto): Promise<CandidateFullView> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const candidate = await lockWritableCandidate(manager, viewer, candidateId);
      assertNotErased(candidate);
      if (dto.referentUserId) await this.assertReferent(manager, candidate.siaeId, dto.referentUserId);
      const changes: Partial<Candidate> = {};
      if (dto.firstName !== undefined) changes.firstName = dto.firstName.trim();
      if (dto.lastName !== undefined) changes.lastName = dto.lastName.trim();
      if (dto.birthDate !== undefined) changes.birthDate = dto.birthDate;
      if (dto.phone !== undefined) changes.phone = emptyToNull(dto.phone) ?? null;
      if (dto.email !== undefined) changes.email = emptyToNull(dto.email)?.toLowerCase() ?? null;
      if (dto.address !== undefined) changes.address = emptyToNull(dto.address) ?? null;
      if (dto.referentUserId !== undefined) changes.referentUserId = dto.referentUserId;
      if (dto.contractStart !== undefined) changes.contractStart = dto.contractStart;
      if (dto.contractEnd !== undefined) changes.contractEnd = dto.contractEnd;
      if (dto.status !== undefined) changes.status = dto.status;
      if (dto.leftAt !== undefined) changes.leftAt = dto.leftAt;
      const next = { ...candidate, ...changes };
      if ((next.status === 'in_parcours') !== (next.leftAt === null)) throw candidatesErrors.leftAtRequired();
      if (next.contractStart && next.contractEnd && next.contractEnd < next.contractStart)
        throw candidatesErrors.contractDates();
      if (Object.keys(changes).length > 0) await manager.update(Candidate, { id: candidate.id }, changes);
      if (changes.contractEnd !== undefined) await syncContractEnd(manager, candidate.id);
      // Field names only: the audit log never holds the personal data itself.
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'candidate.identity.updated',
          subjectType: 'candidate',
          subjectId: candidate.id,
          context: { siaeId: candidate.siaeId, fields: Object.keys(changes) },
        },
        manager,
      );
      return this.fullView(manager, viewer, await manager.findOneByOrFail(Candidate, { id: candidate.id }));
    });
  }

  /**
   * Staff of the candidate's SIAE get everything, and the read of identity is audited (one row, same transaction).
   * Staff of a partner SIAE get the shared profile if a collective consent is active (audited as a profile read).
   * Anyone else: 404, whether or not the candidate exists.
   */
  async detail(principal: Principal, candidateId: string): Promise<CandidateFullView | CandidatePartnerView> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const own = await manager
        .createQueryBuilder(Candidate, 'c')
        .where('c.id = :candidateId AND c.siae_id = ANY(:siaeIds::uuid[])', { candidateId, siaeIds: viewer.ownSiaeIds })
        .getOne();
      if (own) {
        await this.audit.record(
          {
            actorUserId: principal.userId,
            action: 'candidate.identity.read',
            subjectType: 'candidate',
            subjectId: own.id,
            context: { siaeId: own.siaeId },
          },
          manager,
        );
        return this.fullView(manager, viewer, own);
      }
      const partnerOnly: Viewer = { ...viewer, ownSiaeIds: [] };
      const profile = (await loadSharedProfiles(manager, partnerOnly, [candidateId])).get(candidateId);
      if (!profile) throw candidatesErrors.candidateNotFound();
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: 'candidate.profile.read',
          subjectType: 'candidate',
          subjectId: candidateId,
          context: { siaeId: profile.siaeId, viewerSiaeIds: viewer.ownSiaeIds },
        },
        manager,
      );
      return { id: candidateId, mine: false, siaeId: profile.siaeId, profile };
    });
  }

  /**
   * For another module's write (an outcome logged on a company): the candidate is followed by this SIAE and not erased.
   * Read in the caller's transaction; says nothing else about the candidate.
   */
  async isFollowedBy(manager: EntityManager, candidateId: string, siaeId: string): Promise<boolean> {
    return manager.existsBy(Candidate, { id: candidateId, siaeId, erasedAt: IsNull() });
  }

  async fullView(manager: EntityManager, viewer: Viewer, c: Candidate): Promise<CandidateFullView> {
    const [profiles, consents] = await inOrder(
      () => loadSharedProfiles(manager, viewer, [c.id]),
      () => manager.find(CandidateConsent, { where: { candidateId: c.id }, order: { givenAt: 'DESC' } }),
    );
    return {
      id: c.id,
      mine: true,
      siaeId: c.siaeId,
      identity: {
        firstName: c.firstName,
        lastName: c.lastName,
        birthDate: c.birthDate,
        phone: c.phone,
        email: c.email,
        address: c.address,
      },
      referentUserId: c.referentUserId,
      contractStart: c.contractStart,
      contractEnd: c.contractEnd,
      status: c.status,
      leftAt: c.leftAt,
      erasedAt: c.erasedAt,
      createdAt: c.createdAt,
      profile: profiles.get(c.id) ?? null,
      consents: consents.map(consentView),
    };
  }

  private async assertReferent(manager: EntityManager, siaeId: string, userId: string): Promise<void> {
    const rows = await manager.query(
      `SELECT 1 FROM siae_membership WHERE siae_id = $1 AND user_id = $2 AND role IN ('cip', 'direction')`,
      [siaeId, userId],
    );
    if (rows.length === 0) throw candidatesErrors.referentNotInSiae();
  }
}
