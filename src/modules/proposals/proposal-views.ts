import { EntityManager } from 'typeorm';
import type { ProposalDto, ProposalTransitionDto } from './dto/proposal.dto';
import { refusalReasonLabels, type ProposalStatus, type RefusalReason } from './proposals-vocabulary';

const DAY = 86_400_000;
const iso = (v: Date | null) => (v ? v.toISOString() : null);

/** What the CIP has to do now, by status (the list's "what to do next"). */
export function nextStep(
  p: { status: ProposalStatus; relaunchedAt: Date | null; interviewMode: string | null },
  daysWaiting: number,
): string {
  switch (p.status) {
    case 'sent':
      return p.relaunchedAt
        ? `Non ouverte malgré la relance : appelez l’entreprise ou proposez ailleurs (${daysWaiting} j).`
        : `En attente de lecture (${daysWaiting} j) : une relance automatique part au 7e jour.`;
    case 'viewed':
      return `Consultée, sans réponse depuis ${daysWaiting} j : ${daysWaiting >= 7 ? 'appelez l’entreprise.' : 'patientez encore un peu.'}`;
    case 'interview_planned':
      return p.interviewMode === 'call_me'
        ? 'L’employeur demande à être appelé·e : appelez-le pour fixer l’entretien, puis notez l’issue.'
        : 'Entretien demandé : confirmez une date avec la personne, puis notez l’issue.';
    case 'accepted':
      return 'Embauche : préparez la sortie de parcours et le suivi dans l’emploi.';
    case 'refused':
      return 'Refusée : faites le point avec la personne et proposez-la ailleurs.';
    case 'expired':
      return 'Expirée sans réponse : proposez la personne à un autre besoin.';
    case 'withdrawn':
      return 'Retirée : rien à faire.';
  }
}

interface Row {
  id: string;
  status: ProposalStatus;
  candidate_id: string;
  pseudonym: string | null;
  siae_id: string;
  collective_id: string;
  pooled_company_id: string;
  company_name: string;
  hiring_need_id: string | null;
  appellation_code: string;
  appellation_label: string;
  message: string | null;
  reveal_identity: boolean;
  sent_at: Date;
  viewed_at: Date | null;
  answered_at: Date | null;
  closed_at: Date | null;
  relaunched_at: Date | null;
  interview_mode: 'dates' | 'call_me' | null;
  interview_dates: Date[];
  employer_note: string | null;
  refusal_reason: RefusalReason | null;
  refusal_text: string | null;
  contract_type: string | null;
  start_date: string | null;
  expiry_reason: 'no_answer' | 'need_closed' | null;
  withdrawal_reason: string | null;
  last_change: Date;
  transitions: Array<{ from: ProposalStatus | null; to: ProposalStatus; at: string; by: string }>;
}

/**
 * Proposals as the staff of the candidate's SIAE see them, filtered by ids or by SIAE (and status). The caller has
 * decided who may read what; this reads the proposal, the pseudonym (never the identity) and its history.
 */
export async function proposalViews(
  manager: EntityManager,
  filter: { ids?: string[]; siaeIds?: string[]; status?: ProposalStatus },
  now: Date,
): Promise<ProposalDto[]> {
  const rows: Row[] = await manager.query(
    `SELECT p.id, p.status, p.candidate_id, cp.pseudonym, p.siae_id, p.collective_id, p.pooled_company_id,
            pc.display_name AS company_name, p.hiring_need_id, p.appellation_code, a.label AS appellation_label,
            p.message, p.reveal_identity, p.sent_at, p.viewed_at, p.answered_at, p.closed_at, p.relaunched_at,
            p.interview_mode, p.interview_dates, p.employer_note, p.refusal_reason, p.refusal_text, p.contract_type,
            to_char(p.start_date, 'YYYY-MM-DD') AS start_date, p.expiry_reason, p.withdrawal_reason,
            coalesce((SELECT max(t.at) FROM proposal_transition t WHERE t.proposal_id = p.id), p.sent_at) AS last_change,
            coalesce((SELECT json_agg(json_build_object('from', t.from_status, 'to', t.to_status, 'at', t.at,
                                      'by', coalesce(u.display_name, t.actor_label, '')) ORDER BY t.at, t.seq)
                        FROM proposal_transition t LEFT JOIN app_user u ON u.id = t.by_user_id
                       WHERE t.proposal_id = p.id), '[]') AS transitions
       FROM proposal p
       JOIN pooled_company pc ON pc.id = p.pooled_company_id
       JOIN rome_appellation a ON a.code = p.appellation_code
       LEFT JOIN candidate_profile cp ON cp.candidate_id = p.candidate_id
      WHERE ($1::uuid[] IS NULL OR p.id = ANY($1::uuid[]))
        AND ($2::uuid[] IS NULL OR p.siae_id = ANY($2::uuid[]))
        AND ($3::varchar IS NULL OR p.status = $3::varchar)
      ORDER BY p.sent_at DESC, p.id`,
    [filter.ids ?? null, filter.siaeIds ?? null, filter.status ?? null],
  );
  return rows.map((r) => {
    const since = r.status === 'sent' || r.status === 'viewed' ? r.sent_at : r.last_change;
    const daysWaiting = Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY));
    return {
      id: r.id,
      status: r.status,
      candidateId: r.candidate_id,
      pseudonym: r.pseudonym ?? '—',
      siaeId: r.siae_id,
      collectiveId: r.collective_id,
      pooledCompanyId: r.pooled_company_id,
      companyName: r.company_name,
      hiringNeedId: r.hiring_need_id,
      appellation: { code: r.appellation_code, label: r.appellation_label },
      message: r.message,
      revealIdentityOnInterview: r.reveal_identity,
      sentAt: r.sent_at.toISOString(),
      viewedAt: iso(r.viewed_at),
      answeredAt: iso(r.answered_at),
      closedAt: iso(r.closed_at),
      relaunchedAt: iso(r.relaunched_at),
      interview: r.interview_mode
        ? { mode: r.interview_mode, dates: r.interview_dates.map((d) => d.toISOString()), note: r.employer_note }
        : null,
      refusal: r.refusal_reason
        ? { reason: r.refusal_reason, label: refusalReasonLabels[r.refusal_reason], text: r.refusal_text }
        : null,
      hire:
        r.contract_type && r.start_date
          ? {
              contractType: r.contract_type as NonNullable<ProposalDto['hire']>['contractType'],
              startDate: r.start_date,
            }
          : null,
      expiryReason: r.expiry_reason,
      withdrawalReason: r.withdrawal_reason,
      daysWaiting,
      nextStep: nextStep(
        { status: r.status, relaunchedAt: r.relaunched_at, interviewMode: r.interview_mode },
        daysWaiting,
      ),
      transitions: r.transitions.map((t): ProposalTransitionDto => ({
        from: t.from,
        to: t.to,
        at: new Date(t.at).toISOString(),
        by: t.by,
      })),
    };
  });
}
