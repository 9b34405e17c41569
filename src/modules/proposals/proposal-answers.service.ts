import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Clock, fieldDate } from '../../platform/clock/clock';
import { linkErrors } from '../../platform/links/links.errors';
import type { EmployerPrincipal } from '../../platform/links/links.service';
import { softSkills, type SoftSkill } from '../candidates/candidate-vocabulary';
import { loadCandidateIdentity } from '../candidates/shared-text/shared-text-guard';
import { scoreEventPairs } from '../matching/event-pair-scores';
import type { EmployerProposalDto } from './dto/employer-proposal.dto';
import type { InterviewRequestDto, OutcomeDto, RefusalDto } from './dto/proposal.dto';
import { Proposal } from './entities';
import { ProposalFlow } from './proposal-flow.service';
import { proposalLink } from './proposal-link';
import { proposalViews } from './proposal-views';
import { applyOutcome } from './proposals.service';
import { proposalsErrors as errors } from './proposals.errors';
import { refusalReasonLabels } from './proposals-vocabulary';

const EMPLOYER = { kind: 'employer' } as const;

/**
 * The employer's side, through the session of a `proposal` link: the pseudonymised profile and the match reasons
 * (opening it the first time marks the proposal `viewed`), "je veux la/le rencontrer" (dates or "appelez-moi"), "pas
 * maintenant" with a reason, then the outcome. The person's identity and contact are shown only once an interview was
 * asked for, when she agreed to it and her `employers` consent is still active; every showing is audited.
 */
@Injectable()
export class ProposalAnswersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly flow: ProposalFlow,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async view(employer: EmployerPrincipal): Promise<EmployerProposalDto> {
    return this.dataSource.transaction(async (manager) => {
      const proposal = await this.resolve(manager, employer);
      if (proposal.status === 'sent')
        await this.flow.move(manager, proposal, 'viewed', EMPLOYER, { viewedAt: this.clock.now() });
      return this.employerView(manager, proposal);
    });
  }

  async requestInterview(employer: EmployerPrincipal, dto: InterviewRequestDto): Promise<EmployerProposalDto> {
    return this.dataSource.transaction(async (manager) => {
      const proposal = await this.resolve(manager, employer);
      const now = this.clock.now();
      const dates = dto.mode === 'dates' ? (dto.dates ?? []).map((d) => new Date(d)) : [];
      if (dto.mode === 'dates' && dates.length === 0) throw errors.interviewDatesRequired();
      if (dates.some((d) => d.getTime() <= now.getTime())) throw errors.interviewDateInPast();
      await this.flow.move(manager, proposal, 'interview_planned', EMPLOYER, {
        answeredAt: proposal.answeredAt ?? now,
        viewedAt: proposal.viewedAt ?? now,
        interviewMode: dto.mode,
        interviewDates: dates,
        employerNote: dto.note ?? null,
      });
      const names = await this.names(manager, proposal);
      const when =
        dto.mode === 'call_me'
          ? 'L’employeur demande à être appelé·e pour fixer l’entretien.'
          : `Dates proposées : ${dates.map((d) => d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'full', timeStyle: 'short' })).join(' ; ')}.`;
      await this.flow.tellCip(manager, proposal, `${names.company} veut rencontrer ${names.pseudonym}`, [
        `${names.company} souhaite rencontrer ${names.pseudonym} pour le poste de ${names.job}.`,
        when,
        ...(dto.note ? [`Message de l’employeur : « ${dto.note} »`] : []),
      ]);
      await this.flow.creditOutcome(manager, proposal, 'interview', null);
      return this.employerView(manager, proposal);
    });
  }

  async refuse(employer: EmployerPrincipal, dto: RefusalDto): Promise<EmployerProposalDto> {
    return this.dataSource.transaction(async (manager) => {
      const proposal = await this.resolve(manager, employer);
      if (dto.reason === 'other' && !dto.text) throw errors.refusalTextRequired();
      const now = this.clock.now();
      await this.flow.move(manager, proposal, 'refused', EMPLOYER, {
        answeredAt: proposal.answeredAt ?? now,
        viewedAt: proposal.viewedAt ?? now,
        refusalReason: dto.reason,
        refusalText: dto.text ?? null,
      });
      await this.tellCipOfRefusal(manager, proposal);
      return this.employerView(manager, proposal);
    });
  }

  async outcome(employer: EmployerPrincipal, dto: OutcomeDto): Promise<EmployerProposalDto> {
    return this.dataSource.transaction(async (manager) => {
      const proposal = await this.resolve(manager, employer);
      await applyOutcome(this.flow, manager, proposal, dto, EMPLOYER);
      const names = await this.names(manager, proposal);
      if (proposal.status === 'accepted')
        await this.flow.tellCip(manager, proposal, `Embauche : ${names.pseudonym} chez ${names.company}`, [
          `${names.company} indique embaucher ${names.pseudonym} (${names.job}) à partir du ${proposal.startDate}.`,
        ]);
      else await this.tellCipOfRefusal(manager, proposal);
      return this.employerView(manager, proposal);
    });
  }

  /** The proposal a session opens, locked; the session already proved the link live. */
  private async resolve(manager: EntityManager, employer: EmployerPrincipal): Promise<Proposal> {
    if (employer.kind !== proposalLink.kind) throw linkErrors.outOfScope();
    const proposal = await this.flow.lock(manager, employer.scope.proposalId);
    if (!proposal) throw linkErrors.invalid();
    if (proposal.status === 'withdrawn') throw linkErrors.revoked();
    return proposal;
  }

  private async tellCipOfRefusal(manager: EntityManager, proposal: Proposal): Promise<void> {
    const names = await this.names(manager, proposal);
    const reason = proposal.refusalReason ? refusalReasonLabels[proposal.refusalReason] : '';
    await this.flow.tellCip(manager, proposal, `Réponse de ${names.company} pour ${names.pseudonym} : pas maintenant`, [
      `${names.company} ne donne pas suite à la proposition de ${names.pseudonym} (${names.job}).`,
      `Raison : ${reason}${proposal.refusalText ? ` — « ${proposal.refusalText} »` : ''}.`,
      'Vous pouvez proposer la personne à un autre besoin du réseau.',
    ]);
  }

  private async names(
    manager: EntityManager,
    p: Proposal,
  ): Promise<{ company: string; job: string; pseudonym: string }> {
    const [row]: Array<{ company: string; job: string; pseudonym: string | null }> = await manager.query(
      `SELECT pc.display_name AS company, a.label AS job, cp.pseudonym FROM pooled_company pc
         JOIN rome_appellation a ON a.code = $2 LEFT JOIN candidate_profile cp ON cp.candidate_id = $3 WHERE pc.id = $1`,
      [p.pooledCompanyId, p.appellationCode, p.candidateId],
    );
    return { company: row.company, job: row.job, pseudonym: row.pseudonym ?? 'la personne' };
  }

  /**
   * What the employer reads: the profile tables only (never `candidate`), unless the reveal applies — then the identity
   * row is read, shown and audited.
   */
  private async employerView(manager: EntityManager, proposal: Proposal): Promise<EmployerProposalDto> {
    const now = this.clock.now();
    const [row]: Array<{
      consent: boolean;
      pseudonym: string;
      commune: string;
      mobility_radius_km: number;
      available_from: string | null;
      work_time: string | null;
      target_jobs: string[];
      skills: Array<{ label: string; evidenceLevel: string }>;
      soft_skills: SoftSkill[];
      company: string;
      job: string;
      collective: string;
      cip_name: string | null;
      cip_email: string | null;
      siae: string;
    }> = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM candidate_consent c WHERE c.candidate_id = p.candidate_id AND c.scope = 'employers' AND c.withdrawn_at IS NULL) AS consent,
              cp.pseudonym, m.name AS commune, cp.mobility_radius_km, to_char(cp.available_from, 'YYYY-MM-DD') AS available_from, cp.work_time,
              coalesce((SELECT array_agg(a2.label ORDER BY a2.label) FROM rome_appellation a2 WHERE a2.code = ANY(cp.target_ogr_codes)), '{}') AS target_jobs,
              coalesce((SELECT json_agg(json_build_object('label', s.label, 'evidenceLevel', s.evidence_level) ORDER BY s.label)
                          FROM candidate_skill s WHERE s.candidate_id = p.candidate_id), '[]') AS skills,
              coalesce((SELECT array_agg(ss.soft_skill ORDER BY ss.soft_skill) FROM candidate_soft_skill ss WHERE ss.candidate_id = p.candidate_id), '{}') AS soft_skills,
              pc.display_name AS company, a.label AS job, col.name AS collective, u.display_name AS cip_name, u.email AS cip_email, si.name AS siae
         FROM proposal p
         JOIN candidate_profile cp ON cp.candidate_id = p.candidate_id
         JOIN commune m ON m.code = cp.commune_code
         JOIN pooled_company pc ON pc.id = p.pooled_company_id
         JOIN rome_appellation a ON a.code = p.appellation_code
         JOIN collective col ON col.id = p.collective_id
         JOIN siae si ON si.id = p.siae_id
         LEFT JOIN app_user u ON u.id = p.proposed_by_user_id
        WHERE p.id = $1`,
      [proposal.id],
    );
    // A consent withdrawn (or a profile erased) hides the person at once, whatever the proposal's state.
    if (!row || !row.consent) throw linkErrors.revoked();
    let reasons: string[] = [];
    let score: number | null = null;
    if (proposal.hiringNeedId) {
      const [scored] = await scoreEventPairs(manager, {
        collectiveId: proposal.collectiveId,
        candidateIds: [proposal.candidateId],
        needIds: [proposal.hiringNeedId],
        today: fieldDate(now),
      });
      if (scored) {
        reasons = scored.components.filter((c) => c.points > 0).map((c) => c.reason);
        score = Math.round(scored.normalizedScore * 100) / 100;
      }
    }
    const [staffView] = await proposalViews(manager, { ids: [proposal.id] }, now);
    return {
      proposalId: proposal.id,
      status: proposal.status,
      companyName: row.company,
      appellation: { code: proposal.appellationCode, label: row.job },
      collectiveName: row.collective,
      message: proposal.message,
      profile: {
        pseudonym: row.pseudonym,
        commune: row.commune,
        mobilityRadiusKm: row.mobility_radius_km,
        availableFrom: row.available_from,
        workTime: row.work_time,
        targetJobs: row.target_jobs,
        skills: row.skills,
        softSkills: row.soft_skills.map((s) => softSkills[s] ?? s),
      },
      reasons,
      score,
      interview: staffView.interview,
      refusal: staffView.refusal,
      hire: staffView.hire,
      identity: await this.revealedIdentity(manager, proposal),
      cip: { name: row.cip_name ?? 'La ou le CIP', email: row.cip_email, siaeName: row.siae },
    };
  }

  private async revealedIdentity(manager: EntityManager, proposal: Proposal): Promise<EmployerProposalDto['identity']> {
    if (!proposal.revealIdentity || !['interview_planned', 'accepted'].includes(proposal.status)) return null;
    const identity = await loadCandidateIdentity(manager, proposal.candidateId);
    const now = this.clock.now();
    if (!proposal.identityRevealedAt) await manager.update(Proposal, { id: proposal.id }, { identityRevealedAt: now });
    await this.audit.record(
      {
        actorLabel: 'employeur (lien)',
        action: 'proposal.identity.revealed',
        subjectType: 'candidate',
        subjectId: proposal.candidateId,
        context: { proposalId: proposal.id, pooledCompanyId: proposal.pooledCompanyId },
      },
      manager,
    );
    return {
      firstName: identity.firstName ?? '',
      lastName: identity.lastName ?? '',
      phone: identity.phone ?? null,
      email: identity.email ?? null,
    };
  }
}
