import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Clock, fieldDate } from '../../platform/clock/clock';
import { creditOutcomeToSiae } from '../employer-network/outcome-credit';
import { MailService } from '../notifications/mail.service';
import { Proposal, ProposalCredit, ProposalTransition } from './entities';
import { allowedNext, isFinal, mayMove, type ProposalActor } from './proposal-states';
import { proposalsErrors as errors } from './proposals.errors';
import { type CreditedOutcome, openProposalStatuses, type ProposalStatus } from './proposals-vocabulary';

/** Who makes a move: a staff account, the employer through the link, or the sweeps (with a label for the record). */
export type Mover = { kind: 'staff'; userId: string } | { kind: 'employer' } | { kind: 'system'; label: string };

const actorOf = (m: Mover): ProposalActor => m.kind;
const EMPLOYER_LABEL = 'employeur (lien)';

/**
 * The one way a proposal changes status (checked against proposal-states.ts, dated in `proposal_transition`, audited),
 * and what follows a move: the CIP told, an interview or a hire credited in the reciprocity figures (once each) and the
 * introducing SIAE told of it, the need closed once its positions are filled and its other open proposals expired. Always inside the caller's transaction, with the proposal's row locked by the caller.
 */
@Injectable()
export class ProposalFlow {
  constructor(
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  async lock(manager: EntityManager, id: string): Promise<Proposal | null> {
    return manager.findOne(Proposal, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async move(
    manager: EntityManager,
    proposal: Proposal,
    to: ProposalStatus,
    mover: Mover,
    patch: Partial<Proposal> = {},
  ): Promise<Proposal> {
    const from = proposal.status;
    if (!mayMove(from, to, actorOf(mover)))
      throw errors.transitionNotAllowed(from, to, allowedNext(from, actorOf(mover)));
    const now = this.clock.now();
    const changes: Partial<Proposal> = { ...patch, status: to, ...(isFinal(to) ? { closedAt: now } : {}) };
    await manager.update(Proposal, { id: proposal.id }, changes);
    await manager.insert(ProposalTransition, {
      proposalId: proposal.id,
      fromStatus: from,
      toStatus: to,
      at: now,
      byUserId: mover.kind === 'staff' ? mover.userId : null,
      actorLabel: mover.kind === 'employer' ? EMPLOYER_LABEL : mover.kind === 'system' ? mover.label : null,
    });
    await this.audit.record(
      {
        actorUserId: mover.kind === 'staff' ? mover.userId : null,
        actorLabel: mover.kind === 'employer' ? EMPLOYER_LABEL : mover.kind === 'system' ? mover.label : null,
        action: `proposal.${to}`,
        subjectType: 'proposal',
        subjectId: proposal.id,
        context: { from, to, pooledCompanyId: proposal.pooledCompanyId },
      },
      manager,
    );
    return Object.assign(proposal, changes);
  }

  /** The proposing CIP (the account that proposed), by e-mail through the outbox. */
  async tellCip(manager: EntityManager, proposal: Proposal, subject: string, lines: string[]): Promise<void> {
    if (!proposal.proposedByUserId) return;
    const [user]: Array<{ email: string }> = await manager.query(
      `SELECT email FROM app_user WHERE id = $1 AND disabled_at IS NULL`,
      [proposal.proposedByUserId],
    );
    if (!user) return;
    await this.mail.send(manager, user.email, 'proposal-staff-notice', { subject, lines });
  }

  /**
   * The SIAE that introduced the pooled company (its first active share, as in the reciprocity figures) hears that
   * another SIAE's proposal led to an interview or a hire: its direction and chargé·es de développement, who hold the
   * relationship. Nothing about the person is said. Called by `creditOutcome`, once per proposal and outcome.
   */
  private async tellIntroducer(
    manager: EntityManager,
    proposal: Proposal,
    what: 'interview' | 'hire',
  ): Promise<boolean> {
    const [introducer]: Array<{ siae_id: string }> = await manager.query(
      `SELECT c.siae_id FROM pooled_company_member m
         JOIN company c ON c.id = m.company_id
         JOIN company_share s ON s.company_id = c.id AND s.collective_id = m.collective_id AND s.withdrawn_at IS NULL
        WHERE m.pooled_company_id = $1 ORDER BY s.shared_at, c.id LIMIT 1`,
      [proposal.pooledCompanyId],
    );
    if (!introducer || introducer.siae_id === proposal.siaeId) return false;
    const [names]: Array<{ company: string; siae: string; job: string }> = await manager.query(
      `SELECT pc.display_name AS company, s.name AS siae, a.label AS job
         FROM pooled_company pc, siae s, rome_appellation a
        WHERE pc.id = $1 AND s.id = $2 AND a.code = $3`,
      [proposal.pooledCompanyId, proposal.siaeId, proposal.appellationCode],
    );
    const recipients: Array<{ email: string }> = await manager.query(
      `SELECT DISTINCT u.email FROM siae_membership sm JOIN app_user u ON u.id = sm.user_id
        WHERE sm.siae_id = $1 AND sm.role IN ('direction', 'charge_dev') AND u.disabled_at IS NULL ORDER BY u.email`,
      [introducer.siae_id],
    );
    const outcome = what === 'hire' ? 'une embauche' : 'un entretien';
    for (const r of recipients)
      await this.mail.send(manager, r.email, 'proposal-staff-notice', {
        subject: `Votre contact chez ${names.company} a permis ${outcome}`,
        lines: [
          `${names.siae} a proposé une personne qu’elle accompagne à ${names.company} (${names.job}), entreprise que votre structure a fait connaître au collectif : la proposition a abouti à ${outcome}.`,
          `${what === 'hire' ? 'Cette embauche' : 'Cet entretien'} compte dans les chiffres de réciprocité du collectif (résultats obtenus grâce aux contacts des autres). Merci pour ce partage : c’est ce qui fait vivre le réseau.`,
        ],
      });
    await this.audit.record(
      {
        actorLabel: 'notification',
        action: 'proposal.introducer.notified',
        subjectType: 'proposal',
        subjectId: proposal.id,
        context: { introducerSiaeId: introducer.siae_id, what, recipients: recipients.length },
      },
      manager,
    );
    return true;
  }

  /**
   * An outcome of the proposal (the interview asked for, the hire) credited to the proposing SIAE through
   * employer-network's `creditOutcomeToSiae`, then told to the introducing SIAE. The `proposal_credit` row is claimed
   * first: a retry, a replay or a racing transaction finds it (`UQ_proposal_credit`) and writes nothing, so each outcome
   * counts once per proposal in the reciprocity figures and the introducer hears of it once. Returns whether this call
   * credited it.
   */
  async creditOutcome(
    manager: EntityManager,
    proposal: Proposal,
    outcome: CreditedOutcome,
    byUserId: string | null,
  ): Promise<boolean> {
    const [claimed]: Array<{ id: string }> = await manager.query(
      `INSERT INTO proposal_credit (proposal_id, outcome) VALUES ($1, $2)
       ON CONFLICT (proposal_id, outcome) DO NOTHING RETURNING id`,
      [proposal.id, outcome],
    );
    if (!claimed) return false;
    const interactionId = await creditOutcomeToSiae(manager, {
      pooledCompanyId: proposal.pooledCompanyId,
      viaCompanyId: proposal.companyId,
      siaeId: proposal.siaeId,
      candidateId: proposal.candidateId,
      kind: outcome,
      occurredOn: fieldDate(this.clock.now()),
      note:
        outcome === 'hire'
          ? 'Embauche à la suite d’une proposition de candidature (Maillage)'
          : 'Entretien demandé par l’employeur à la suite d’une proposition de candidature (Maillage)',
      byUserId,
    });
    await manager.update(ProposalCredit, { id: claimed.id }, { interactionId });
    await this.tellIntroducer(manager, proposal, outcome);
    return true;
  }

  /**
   * A hire: credited to the proposing SIAE as an outcome (reciprocity), the introducer told, and the need closed when
   * its positions are filled by accepted proposals — which expires its other open proposals (their CIPs told). The
   * need's row is locked first, so two hires at once count each other.
   */
  async afterHire(manager: EntityManager, proposal: Proposal, byUserId: string | null): Promise<void> {
    await this.creditOutcome(manager, proposal, 'hire', byUserId);
    if (!proposal.hiringNeedId) return;
    const [need]: Array<{ status: string; positions: number }> = await manager.query(
      `SELECT status, positions FROM hiring_need WHERE id = $1 FOR UPDATE`,
      [proposal.hiringNeedId],
    );
    if (!need || need.status !== 'open') return;
    const [{ hired }]: Array<{ hired: number }> = await manager.query(
      `SELECT count(*)::int AS hired FROM proposal WHERE hiring_need_id = $1 AND status = 'accepted'`,
      [proposal.hiringNeedId],
    );
    if (hired < need.positions) return;
    await manager.query(`UPDATE hiring_need SET status = 'filled', closed_at = $2 WHERE id = $1 AND status = 'open'`, [
      proposal.hiringNeedId,
      this.clock.now(),
    ]);
    await this.audit.record(
      {
        actorLabel: 'proposition acceptée',
        action: 'hiring_need.filled',
        subjectType: 'hiring_need',
        subjectId: proposal.hiringNeedId,
        context: { proposalId: proposal.id, positions: need.positions, hired },
      },
      manager,
    );
    await this.expireOpenOfNeed(manager, proposal.hiringNeedId);
  }

  /** Every open proposal of a need that is no longer open expires; its CIP is told. Returns how many. */
  async expireOpenOfNeed(manager: EntityManager, needId: string): Promise<number> {
    const open = await manager.find(Proposal, {
      where: { hiringNeedId: needId, status: In([...openProposalStatuses]) },
      order: { id: 'ASC' },
      // A proposal locked by another transaction is being answered right now (e.g. a second hire): waiting for it here
      // while it waits for the need's row would deadlock. Skipped, it ends as its own answer says, or the
      // need-closed sweep expires it.
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
    for (const p of open) await this.expire(manager, p, 'need_closed');
    return open.length;
  }

  async expire(manager: EntityManager, proposal: Proposal, reason: 'no_answer' | 'need_closed'): Promise<void> {
    await this.move(manager, proposal, 'expired', { kind: 'system', label: 'expiration' }, { expiryReason: reason });
    const [names]: Array<{ company: string; job: string; pseudonym: string | null }> = await manager.query(
      `SELECT pc.display_name AS company, a.label AS job, cp.pseudonym
         FROM pooled_company pc JOIN rome_appellation a ON a.code = $2
         LEFT JOIN candidate_profile cp ON cp.candidate_id = $3 WHERE pc.id = $1`,
      [proposal.pooledCompanyId, proposal.appellationCode, proposal.candidateId],
    );
    await this.tellCip(
      manager,
      proposal,
      `Proposition expirée : ${names.pseudonym ?? 'candidat·e'} chez ${names.company}`,
      [
        reason === 'need_closed'
          ? `Le besoin « ${names.job} » de ${names.company} est clos (postes pourvus ou besoin retiré) : la proposition de ${names.pseudonym ?? 'la personne'} a expiré.`
          : `${names.company} n’a pas répondu à la proposition de ${names.pseudonym ?? 'la personne'} (${names.job}) : elle a expiré.`,
        'Vous pouvez proposer la personne à un autre besoin du réseau.',
      ],
    );
  }
}
