import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../platform/auth/principal';
import { Clock, fieldDate } from '../../platform/clock/clock';
import { CompaniesService, type CompanyView } from './companies.service';
import { AuditService } from '../../platform/audit/audit.service';
import { CandidatesService } from '../candidates/candidates.service';
import { activeMembershipJoinSql, assertMayWrite, memberSiaeIdsIn, refusal } from '../structures/access';
import { employerNetworkWrites } from './employer-network.permissions';
import { viewerOf, pooledCollectivesOf, visibleCompanySql, type Viewer } from './employer-network-access';
import { employerNetworkErrors as errors } from './employer-network.errors';
import type { InteractionDto } from './dto/company.dto';
import { Company, CompanyInteraction } from './entities';

const EARLIEST = '2000-01-01';

/**
 * Logging an exchange with a company. Who works with companies logs it: direction, chargé·e de développement and CIP
 * (a CIP places people in immersions and hires) of the record's SIAE, and the same staff of another SIAE of a collective
 * the record is shared with. There is no interaction table for pooled companies: a partner logs on the shared record it
 * sees (the pooled view gathers its records' interactions) and `by_siae_id` keeps in whose name.
 */
@Injectable()
export class CompanyInteractionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly companies: CompaniesService,
    private readonly candidates: CandidatesService,
    private readonly audit: AuditService,
  ) {}

  async add(principal: Principal, companyId: string, dto: InteractionDto): Promise<CompanyView> {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const company = await this.visibleCompany(manager, viewer, companyId);
      const facts = {
        collectiveIds: await this.sharedWith(manager, company),
        ownerSiaeIds: [company.siaeId],
        subject: { type: 'company', id: company.id },
      };
      assertMayWrite(viewer, employerNetworkWrites.interaction, facts);
      const bySiaeId = this.authorSiae(viewer, company, facts.collectiveIds, dto.siaeId);
      if (dto.kind === 'hire' && !dto.candidateId) throw errors.outcomeCandidateRequired();
      if (dto.candidateId && !(await this.candidates.isFollowedBy(manager, dto.candidateId, bySiaeId)))
        throw errors.outcomeCandidateNotOfSiae();
      const today = fieldDate(this.clock.now());
      if (dto.occurredOn > today) throw errors.interactionInFuture(today);
      if (dto.occurredOn < EARLIEST) throw errors.interactionTooOld();
      if (dto.contactId) await this.assertContactVisible(manager, viewer, companyId, dto.contactId);
      await manager.insert(CompanyInteraction, {
        companyId,
        kind: dto.kind,
        occurredOn: dto.occurredOn,
        contactId: dto.contactId ?? null,
        note: dto.note?.trim() || null,
        byUserId: viewer.userId,
        bySiaeId,
        candidateId: dto.candidateId ?? null,
      });
      await this.audit.record(
        {
          actorUserId: viewer.userId,
          action: employerNetworkWrites.interaction.audit,
          subjectType: 'company',
          subjectId: companyId,
          context: {
            kind: dto.kind,
            bySiaeId,
            occurredOn: dto.occurredOn,
            withCandidate: dto.candidateId !== undefined,
          },
        },
        manager,
      );
      return this.companies.view(manager, viewer, companyId);
    });
  }

  /** The record, if the viewer sees it (same rule as reading it); 404 otherwise, so that nothing is learnt. */
  private async visibleCompany(
    manager: EntityManager,
    viewer: Viewer,
    id: string,
  ): Promise<Pick<Company, 'id' | 'siaeId'>> {
    const rows: Array<{ id: string; siae_id: string }> = await manager.query(
      `SELECT c.id, c.siae_id FROM company c WHERE c.id = $1 AND ${visibleCompanySql('c', '$2', '$3')}`,
      [id, viewer.ownSiaeIds, pooledCollectivesOf(viewer)],
    );
    // Hidden from the caller: the interaction rule's refusal, audited like the ones `assertMayWrite` decides.
    if (rows.length === 0)
      throw refusal(
        viewer,
        employerNetworkWrites.interaction,
        { collectiveIds: [], subject: { type: 'company', id } },
        'hidden',
      );
    return { id: rows[0].id, siaeId: rows[0].siae_id };
  }

  /** The collectives the record is actively shared with while its SIAE is an active member of them. */
  private async sharedWith(manager: EntityManager, company: Pick<Company, 'id' | 'siaeId'>): Promise<string[]> {
    const rows: Array<{ collective_id: string }> = await manager.query(
      `SELECT s.collective_id FROM company_share s
         ${activeMembershipJoinSql('om', { collective: 's.collective_id', siae: '$2' })}
        WHERE s.company_id = $1 AND s.withdrawn_at IS NULL ORDER BY s.collective_id`,
      [company.id, company.siaeId],
    );
    return rows.map((r) => r.collective_id);
  }

  /**
   * The SIAE in whose name the interaction is logged: the owner when the viewer is its staff, else one of the viewer's
   * SIAE that is an active member of a collective the record is actively shared with (a coordinator who is staff of no
   * such SIAE sees the record but cannot speak for a structure). Asked for only when the choice is not obvious.
   */
  private authorSiae(
    viewer: Viewer,
    company: Pick<Company, 'id' | 'siaeId'>,
    sharedWith: string[],
    asked: string | undefined,
  ): string {
    const owner = viewer.ownSiaeIds.includes(company.siaeId);
    const partners = sharedWith.flatMap((c) => memberSiaeIdsIn(viewer, c));
    const eligible = [...new Set([...(owner ? [company.siaeId] : []), ...partners.sort()])];
    if (asked !== undefined) {
      if (!eligible.includes(asked)) throw errors.interactionAuthorForbidden();
      return asked;
    }
    if (owner) return company.siaeId;
    if (eligible.length === 1) return eligible[0];
    if (eligible.length === 0) throw errors.interactionAuthorForbidden();
    throw errors.interactionSiaeRequired(eligible);
  }

  /** A contact can be named only if it belongs to the record and the viewer may see the record's contacts. */
  private async assertContactVisible(
    manager: EntityManager,
    viewer: Viewer,
    companyId: string,
    contactId: string,
  ): Promise<void> {
    const rows = await manager.query(
      `SELECT 1 FROM company_contact cc JOIN company c ON c.id = cc.company_id
        WHERE cc.id = $1 AND c.id = $2 AND ${visibleCompanySql('c', '$3', '$4', true)}`,
      [contactId, companyId, viewer.ownSiaeIds, pooledCollectivesOf(viewer)],
    );
    if (rows.length === 0) throw errors.contactNotOfCompany();
  }
}
