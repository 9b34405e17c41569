import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { Clock } from '../../platform/clock/clock';
import { AppConfig } from '../../platform/config/app-config';
import { LinksService } from '../../platform/links/links.service';
import { SharedTextGuard } from '../candidates/shared-text/shared-text-guard';
import { visibleCompanySql } from '../employer-network/employer-network-access';
import { SolicitationsService } from '../employer-network/solicitations.service';
import { MailService } from '../notifications/mail.service';
import { holdsRoleIn, viewerOf, type Viewer } from '../structures/access';
import type { OutcomeDto, ProposalCreatedDto, ProposalDto, ProposalListDto, ProposeDto } from './dto/proposal.dto';
import { Proposal, ProposalTransition } from './entities';
import { ProposalFlow } from './proposal-flow.service';
import { proposalLink } from './proposal-link';
import { proposalViews } from './proposal-views';
import { proposalsErrors as errors } from './proposals.errors';
import { PROPOSAL_WRITERS, proposalsWrites } from './proposals.permissions';
import { openProposalStatuses, proposalStatuses, type ProposalStatus } from './proposals-vocabulary';

const DAY = 86_400_000;
/** The employer may still read the outcome a while after the proposal closes (expired or not). */
const LINK_DAYS_AFTER_EXPIRY = 30;

interface Target {
  collectiveId: string;
  pooledCompanyId: string;
  hiringNeedId: string | null;
  appellationCode: string;
  jobLabel: string;
}

/**
 * Proposing a candidate (CIP or direction of her SIAE) to a hiring need of the pooled network or spontaneously to a
 * pooled company, and the staff's own moves on a proposal (withdraw it, record the outcome the employer told by phone).
 * A proposal is a solicitation of the pooled company (the employer network's budget rule, in this transaction), and its
 * e-mail with the personal link goes through the outbox in the same transaction.
 */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly solicitations: SolicitationsService,
    private readonly guard: SharedTextGuard,
    private readonly links: LinksService,
    private readonly mail: MailService,
    private readonly flow: ProposalFlow,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async propose(principal: Principal, dto: ProposeDto): Promise<ProposalCreatedDto> {
    const spontaneous = dto.pooledCompanyId !== undefined || dto.appellationCode !== undefined;
    if (
      spontaneous === (dto.hiringNeedId !== undefined) ||
      (spontaneous && (!dto.pooledCompanyId || !dto.appellationCode))
    )
      throw errors.targetRequired();
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const candidate = await this.lockCandidate(manager, viewer, dto.candidateId);
      const collectives = viewer.memberships.filter((m) => m.siaeId === candidate.siaeId).map((m) => m.collectiveId);
      const target = dto.hiringNeedId
        ? await this.needTarget(manager, dto.hiringNeedId, candidate.siaeId, collectives)
        : await this.spontaneousTarget(manager, dto.pooledCompanyId!, dto.appellationCode!, collectives);
      const coordinator = viewer.coordinatorOf.includes(target.collectiveId);
      if (dto.overrideReason !== undefined && !coordinator) throw errors.coordinatorOnly();
      const [ready]: Array<{ consent: boolean; pseudonym: string | null }> = await manager.query(
        `SELECT EXISTS (SELECT 1 FROM candidate_consent c WHERE c.candidate_id = $1 AND c.scope = 'employers' AND c.withdrawn_at IS NULL) AS consent,
                (SELECT pseudonym FROM candidate_profile WHERE candidate_id = $1) AS pseudonym`,
        [candidate.id],
      );
      if (!ready.pseudonym) throw errors.profileMissing();
      if (!ready.consent) throw errors.consentMissing();
      // Checked here for a clear answer; UQ_proposal_candidate_need / _spontaneous are the guards under concurrency.
      const duplicate = target.hiringNeedId
        ? await manager.existsBy(Proposal, { candidateId: candidate.id, hiringNeedId: target.hiringNeedId })
        : await manager.existsBy(Proposal, {
            candidateId: candidate.id,
            pooledCompanyId: target.pooledCompanyId,
            appellationCode: target.appellationCode,
            status: In([...openProposalStatuses]),
          });
      if (duplicate) throw errors.alreadyProposed();
      await this.guard.assertClean(
        candidate.id,
        [{ field: 'message', label: 'message à l’employeur', text: dto.message }],
        manager,
      );
      const contact = await this.contact(manager, target, candidate.siaeId, dto.contactId);
      const { solicitationId, budget } = await this.solicitations.solicitWithin(manager, {
        pooledCompanyId: target.pooledCompanyId,
        byUserId: principal.userId,
        kind: 'candidate_proposal',
        note: `Proposition de candidature : ${target.jobLabel}`.slice(0, 500),
        overrideReason: dto.overrideReason,
      });
      const now = this.clock.now();
      const linkExpiresAt = new Date(now.getTime() + (this.config.PROPOSAL_EXPIRY_DAYS + LINK_DAYS_AFTER_EXPIRY) * DAY);
      const proposal = await manager.save(
        manager.create(Proposal, {
          collectiveId: target.collectiveId,
          pooledCompanyId: target.pooledCompanyId,
          companyId: contact.company_id,
          contactId: contact.id,
          hiringNeedId: target.hiringNeedId,
          appellationCode: target.appellationCode,
          candidateId: candidate.id,
          siaeId: candidate.siaeId,
          proposedByUserId: principal.userId,
          solicitationId,
          message: dto.message ?? null,
          revealIdentity: dto.revealIdentityOnInterview ?? false,
          status: 'sent',
          sentAt: now,
          linkExpiresAt,
        }),
      );
      await manager.insert(ProposalTransition, {
        proposalId: proposal.id,
        fromStatus: null,
        toStatus: 'sent',
        at: now,
        byUserId: principal.userId,
        actorLabel: null,
      });
      const link = await this.links.issue(proposalLink, { proposalId: proposal.id }, linkExpiresAt, manager);
      await this.sendProposalMail(manager, proposal, contact.email, link.url, false);
      await this.audit.record(
        {
          actorUserId: principal.userId,
          action: proposalsWrites.propose.audit,
          subjectType: 'proposal',
          subjectId: proposal.id,
          context: {
            candidateId: candidate.id,
            pooledCompanyId: target.pooledCompanyId,
            hiringNeedId: target.hiringNeedId,
            override: dto.overrideReason !== undefined,
          },
        },
        manager,
      );
      const [view] = await proposalViews(manager, { ids: [proposal.id] }, now);
      return {
        ...view,
        budget: {
          last7Days: budget.last7Days,
          last30Days: budget.last30Days,
          maxPer7Days: budget.maxPer7Days,
          maxPer30Days: budget.maxPer30Days,
        },
      };
    });
  }

  /** The proposals of the caller's SIAE (the candidates they follow), by status, with days waiting and what to do next. */
  async list(principal: Principal, status?: ProposalStatus): Promise<ProposalListDto> {
    const viewer = viewerOf(principal);
    const siaeIds = viewer.ownSiaeIds;
    const now = this.clock.now();
    const items = await proposalViews(this.dataSource.manager, { siaeIds, status }, now);
    const counted: Array<{ status: ProposalStatus; count: number }> = await this.dataSource.query(
      `SELECT status, count(*)::int AS count FROM proposal WHERE siae_id = ANY($1::uuid[]) GROUP BY status`,
      [siaeIds],
    );
    const counts = proposalStatuses.map((s) => ({ status: s, count: counted.find((c) => c.status === s)?.count ?? 0 }));
    return { items, counts };
  }

  async get(principal: Principal, id: string): Promise<ProposalDto> {
    const viewer = viewerOf(principal);
    const [view] = await proposalViews(
      this.dataSource.manager,
      { ids: [id], siaeIds: viewer.ownSiaeIds },
      this.clock.now(),
    );
    if (!view) throw errors.proposalNotFound();
    return view;
  }

  /** Withdrawn by the CIP (e.g. the person found another job): the employer's link stops working at once. */
  async withdraw(principal: Principal, id: string, reason: string | undefined): Promise<ProposalDto> {
    return this.dataSource.transaction(async (manager) => {
      const proposal = await this.lockWritable(manager, viewerOf(principal), id);
      await this.flow.move(
        manager,
        proposal,
        'withdrawn',
        { kind: 'staff', userId: principal.userId },
        {
          withdrawalReason: reason ?? null,
        },
      );
      await this.links.revokeScope(proposalLink, { proposalId: id }, manager);
      return (await proposalViews(manager, { ids: [id] }, this.clock.now()))[0];
    });
  }

  /** The outcome the employer told the CIP (by phone): the same rules as the employer's own answer. */
  async recordOutcome(principal: Principal, id: string, dto: OutcomeDto): Promise<ProposalDto> {
    return this.dataSource.transaction(async (manager) => {
      const proposal = await this.lockWritable(manager, viewerOf(principal), id);
      await applyOutcome(this.flow, manager, proposal, dto, { kind: 'staff', userId: principal.userId });
      return (await proposalViews(manager, { ids: [id] }, this.clock.now()))[0];
    });
  }

  async sendProposalMail(
    manager: EntityManager,
    proposal: Proposal,
    email: string,
    url: string,
    relaunch: boolean,
  ): Promise<void> {
    const [names]: Array<{ collective: string; siae: string; job: string; pseudonym: string }> = await manager.query(
      `SELECT c.name AS collective, s.name AS siae, a.label AS job, cp.pseudonym
         FROM collective c, siae s, rome_appellation a, candidate_profile cp
        WHERE c.id = $1 AND s.id = $2 AND a.code = $3 AND cp.candidate_id = $4`,
      [proposal.collectiveId, proposal.siaeId, proposal.appellationCode, proposal.candidateId],
    );
    await this.mail.send(manager, email, 'proposal-received', {
      collective: names.collective,
      siae: names.siae,
      pseudonym: names.pseudonym,
      job: names.job,
      message: proposal.message,
      url,
      relaunch,
    });
  }

  /** The candidate's row locked (one proposal decision at a time per person); 404 outside her SIAE, 403 for other roles. */
  private async lockCandidate(manager: EntityManager, viewer: Viewer, candidateId: string) {
    const [candidate]: Array<{ id: string; siae_id: string; erased_at: Date | null }> = await manager.query(
      `SELECT id, siae_id, erased_at FROM candidate WHERE id = $1 AND siae_id = ANY($2::uuid[]) FOR UPDATE`,
      [candidateId, viewer.ownSiaeIds],
    );
    if (!candidate || candidate.erased_at) throw errors.candidateNotFound();
    if (!holdsRoleIn(viewer, candidate.siae_id, PROPOSAL_WRITERS)) throw errors.cipOnly();
    return { id: candidate.id, siaeId: candidate.siae_id };
  }

  private async lockWritable(manager: EntityManager, viewer: Viewer, id: string): Promise<Proposal> {
    const proposal = await this.flow.lock(manager, id);
    if (!proposal || !viewer.ownSiaeIds.includes(proposal.siaeId)) throw errors.proposalNotFound();
    if (!holdsRoleIn(viewer, proposal.siaeId, PROPOSAL_WRITERS)) throw errors.cipOnly();
    return proposal;
  }

  /** An open need of a company pooled in one of the candidate's SIAE's collectives, shared with that collective. */
  private async needTarget(
    manager: EntityManager,
    needId: string,
    siaeId: string,
    collectives: string[],
  ): Promise<Target> {
    const rows: Array<{
      status: string;
      appellation_code: string;
      label: string;
      pooled_company_id: string;
      collective_id: string;
    }> = await manager.query(
      `SELECT n.status, n.appellation_code, a.label, pm.pooled_company_id, pm.collective_id
           FROM hiring_need n
           JOIN rome_appellation a ON a.code = n.appellation_code
           JOIN company co ON co.id = n.company_id
           JOIN pooled_company_member pm ON pm.company_id = co.id AND pm.collective_id = ANY($2::uuid[])
           JOIN pooled_company pc ON pc.id = pm.pooled_company_id AND pc.dissolved_at IS NULL
          WHERE n.id = $1 AND ${visibleCompanySql('co', '$3', '$2')}
          ORDER BY pm.collective_id LIMIT 1`,
      [needId, collectives, [siaeId]],
    );
    const row = rows[0];
    if (!row) throw errors.needNotFound();
    if (row.status !== 'open') throw errors.needNotOpen(row.status);
    return {
      collectiveId: row.collective_id,
      pooledCompanyId: row.pooled_company_id,
      hiringNeedId: needId,
      appellationCode: row.appellation_code,
      jobLabel: row.label,
    };
  }

  private async spontaneousTarget(
    manager: EntityManager,
    pooledCompanyId: string,
    appellationCode: string,
    collectives: string[],
  ): Promise<Target> {
    const [pooled]: Array<{ collective_id: string }> = await manager.query(
      `SELECT collective_id FROM pooled_company WHERE id = $1 AND dissolved_at IS NULL AND collective_id = ANY($2::uuid[])`,
      [pooledCompanyId, collectives],
    );
    if (!pooled) throw errors.pooledCompanyNotFound();
    const [job]: Array<{ label: string }> = await manager.query(`SELECT label FROM rome_appellation WHERE code = $1`, [
      appellationCode,
    ]);
    if (!job) throw errors.appellationNotFound();
    return {
      collectiveId: pooled.collective_id,
      pooledCompanyId,
      hiringNeedId: null,
      appellationCode,
      jobLabel: job.label,
    };
  }

  /**
   * To whom the mail goes: for a need, a contact of the need's own record; spontaneously, of any record of the pooled
   * company — in both cases shared with its contacts with the collective (or of the proposing SIAE's own record).
   */
  private async contact(
    manager: EntityManager,
    target: Target,
    siaeId: string,
    contactId: string | undefined,
  ): Promise<{ id: string; company_id: string; email: string }> {
    const rows: Array<{ id: string; company_id: string; email: string }> = await manager.query(
      `SELECT ct.id, ct.company_id, ct.email
         FROM pooled_company_member pm
         JOIN company co ON co.id = pm.company_id
         JOIN company_contact ct ON ct.company_id = co.id
        WHERE pm.pooled_company_id = $1 AND ct.email IS NOT NULL
          AND ($5::uuid IS NULL OR co.id = (SELECT company_id FROM hiring_need WHERE id = $5::uuid))
          AND ${visibleCompanySql('co', '$2', '$3', true)}
          AND ($4::uuid IS NULL OR ct.id = $4::uuid)
        ORDER BY ct.created_at, ct.id LIMIT 1`,
      [target.pooledCompanyId, [siaeId], [target.collectiveId], contactId ?? null, target.hiringNeedId],
    );
    if (rows.length === 0) throw errors.noContact();
    return rows[0];
  }
}

/** Hired (contract type + start date) or not (a reason): only after an interview was asked for. */
export async function applyOutcome(
  flow: ProposalFlow,
  manager: EntityManager,
  proposal: Proposal,
  dto: OutcomeDto,
  mover: { kind: 'staff'; userId: string } | { kind: 'employer' },
): Promise<void> {
  if (dto.outcome === 'hired') {
    if (!dto.contractType || !dto.startDate) throw errors.hireDetailsRequired();
    await flow.move(manager, proposal, 'accepted', mover, { contractType: dto.contractType, startDate: dto.startDate });
    await flow.afterHire(manager, proposal, mover.kind === 'staff' ? mover.userId : null);
    return;
  }
  const reason = dto.reason ?? 'profile_not_fit';
  if (reason === 'other' && !dto.text) throw errors.refusalTextRequired();
  await flow.move(manager, proposal, 'refused', mover, { refusalReason: reason, refusalText: dto.text ?? null });
}
