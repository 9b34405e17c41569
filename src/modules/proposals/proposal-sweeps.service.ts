import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Clock } from '../../platform/clock/clock';
import { AppConfig } from '../../platform/config/app-config';
import { LinksService } from '../../platform/links/links.service';
import { OutboxService } from '../../platform/queue/outbox.service';
import { Proposal } from './entities';
import { ProposalFlow } from './proposal-flow.service';
import { proposalLink } from './proposal-link';
import { ProposalsService } from './proposals.service';

const DAY = 86_400_000;
export type ProposalChore = 'relaunch' | 'alert' | 'expire' | 'need-closed';

/**
 * Nobody is left without an answer: the sweep selects, for each chore, the proposals that are due and not yet done, as
 * of the injected clock (so a sweep missed during an outage catches up at the next one), and enqueues one job each
 * through the outbox. Each job locks and re-reads its proposal and does nothing if it is no longer due: running the
 * sweep twice, or a job twice, sends one mail.
 *
 * - relaunch: unanswered (sent or viewed) for PROPOSAL_RELAUNCH_DAYS, not relaunched → one more mail to the employer;
 * - alert: unanswered for PROPOSAL_CIP_ALERT_DAYS, CIP not alerted → a mail to the CIP;
 * - expire: unanswered for PROPOSAL_EXPIRY_DAYS → expired (CIP told);
 * - need-closed: open proposals of a need no longer open (closed by hand, expired, filled elsewhere) → expired.
 */
@Injectable()
export class ProposalSweeps {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly flow: ProposalFlow,
    private readonly proposals: ProposalsService,
    private readonly links: LinksService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async enqueueDue(): Promise<Record<ProposalChore, number>> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const before = (days: number) => new Date(now.getTime() - days * DAY);
      const pick = async (sql: string, params: unknown[]) =>
        ((await manager.query(`${sql} ORDER BY p.sent_at, p.id LIMIT 1000`, params)) as Array<{ id: string }>).map(
          (r) => r.id,
        );
      const due: Record<ProposalChore, string[]> = {
        relaunch: await pick(
          `SELECT p.id FROM proposal p WHERE p.status IN ('sent', 'viewed') AND p.relaunched_at IS NULL AND p.sent_at <= $1`,
          [before(this.config.PROPOSAL_RELAUNCH_DAYS)],
        ),
        alert: await pick(
          `SELECT p.id FROM proposal p WHERE p.status IN ('sent', 'viewed') AND p.cip_alerted_at IS NULL AND p.sent_at <= $1`,
          [before(this.config.PROPOSAL_CIP_ALERT_DAYS)],
        ),
        expire: await pick(`SELECT p.id FROM proposal p WHERE p.status IN ('sent', 'viewed') AND p.sent_at <= $1`, [
          before(this.config.PROPOSAL_EXPIRY_DAYS),
        ]),
        'need-closed': await pick(
          `SELECT p.id FROM proposal p JOIN hiring_need n ON n.id = p.hiring_need_id
            WHERE p.status IN ('sent', 'viewed', 'interview_planned') AND n.status <> 'open'`,
          [],
        ),
      };
      for (const [chore, ids] of Object.entries(due) as Array<[ProposalChore, string[]]>)
        for (const proposalId of ids)
          await this.outbox.enqueue(manager, 'proposals.chore', { v: 1, proposalId, chore });
      return {
        relaunch: due.relaunch.length,
        alert: due.alert.length,
        expire: due.expire.length,
        'need-closed': due['need-closed'].length,
      };
    });
  }

  /** One chore on one proposal, idempotent: locked, re-read, skipped unless still due. */
  async run(proposalId: string, chore: ProposalChore): Promise<'done' | 'skipped'> {
    return this.dataSource.transaction(async (manager) => {
      const p = await this.flow.lock(manager, proposalId);
      const now = this.clock.now();
      const age = p ? (now.getTime() - p.sentAt.getTime()) / DAY : 0;
      const unanswered = p !== null && (p.status === 'sent' || p.status === 'viewed');
      if (!p) return 'skipped';
      switch (chore) {
        case 'relaunch': {
          if (!unanswered || p.relaunchedAt || age < this.config.PROPOSAL_RELAUNCH_DAYS) return 'skipped';
          const [contact]: Array<{ email: string | null }> = p.contactId
            ? await manager.query(`SELECT email FROM company_contact WHERE id = $1`, [p.contactId])
            : [];
          await manager.update(Proposal, { id: p.id }, { relaunchedAt: now });
          if (!contact?.email || p.linkExpiresAt <= now) return 'done';
          // Only the hash of the first link was kept: the relaunch carries a new link (the first one stays valid).
          const link = await this.links.issue(proposalLink, { proposalId: p.id }, p.linkExpiresAt, manager);
          await this.proposals.sendProposalMail(manager, p, contact.email, link.url, true);
          await this.audit.record(
            {
              actorLabel: 'relance automatique',
              action: 'proposal.relaunched',
              subjectType: 'proposal',
              subjectId: p.id,
            },
            manager,
          );
          return 'done';
        }
        case 'alert': {
          if (!unanswered || p.cipAlertedAt || age < this.config.PROPOSAL_CIP_ALERT_DAYS) return 'skipped';
          await manager.update(Proposal, { id: p.id }, { cipAlertedAt: now });
          const [n]: Array<{ company: string; job: string; pseudonym: string | null }> = await manager.query(
            `SELECT pc.display_name AS company, a.label AS job, cp.pseudonym FROM pooled_company pc
               JOIN rome_appellation a ON a.code = $2 LEFT JOIN candidate_profile cp ON cp.candidate_id = $3 WHERE pc.id = $1`,
            [p.pooledCompanyId, p.appellationCode, p.candidateId],
          );
          await this.flow.tellCip(manager, p, `Sans réponse depuis ${Math.floor(age)} jours : ${n.company}`, [
            `${n.company} n’a pas répondu à la proposition de ${n.pseudonym ?? 'la personne'} (${n.job}), envoyée il y a ${Math.floor(age)} jours${p.relaunchedAt ? ' et relancée automatiquement' : ''}.`,
            'Un appel fait souvent la différence. Sans réponse, la proposition expirera d’elle-même.',
          ]);
          return 'done';
        }
        case 'expire':
          if (!unanswered || age < this.config.PROPOSAL_EXPIRY_DAYS) return 'skipped';
          await this.flow.expire(manager, p, 'no_answer');
          return 'done';
        case 'need-closed': {
          if (!['sent', 'viewed', 'interview_planned'].includes(p.status) || !p.hiringNeedId) return 'skipped';
          const [need]: Array<{ status: string }> = await manager.query(
            `SELECT status FROM hiring_need WHERE id = $1`,
            [p.hiringNeedId],
          );
          if (!need || need.status === 'open') return 'skipped';
          await this.flow.expire(manager, p, 'need_closed');
          return 'done';
        }
      }
    });
  }
}
