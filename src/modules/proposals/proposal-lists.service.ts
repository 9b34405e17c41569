import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../../platform/auth/principal';
import { Clock } from '../../platform/clock/clock';
import { ANSWER_DUE_DAYS, NEVER_ANSWERS_MIN_DUE } from '../matching/company-responsiveness';
import { readableCollectiveIds, viewerOf } from '../structures/access';
import type {
  CompanyResponseFiguresDto,
  ProposalFiguresDto,
  ReceivedProposalDto,
  ResponseFiguresDto,
  SiaeResponseFiguresDto,
} from './dto/proposal.dto';
import { proposalsErrors as errors } from './proposals.errors';

const DAY = 86_400_000;

interface FigureRow {
  key: string;
  name: string;
  proposals: number;
  due: number;
  answered: number;
  median_days: number | null;
}

const figures = (r: FigureRow): ResponseFiguresDto => ({
  proposals: r.proposals,
  due: r.due,
  answered: r.answered,
  responseRate: r.due > 0 ? Math.round((r.answered / r.due) * 100) / 100 : null,
  medianResponseDays: r.median_days === null ? null : Math.round(r.median_days * 10) / 10,
});

/**
 * The lists beyond the CIP's own: what the companies of an SIAE's network received (for its chargé·es de
 * développement), and a collective's response figures per company and per proposing SIAE (for its coordinators). A
 * proposal is "due" once answered or after ANSWER_DUE_DAYS without answer (the same rule that ranks silent companies
 * lower in the match lists); the response time runs from sending to the employer's first answer.
 */
@Injectable()
export class ProposalListsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Proposals to the pooled companies that hold a record of the caller's SIAE (the companies of her network). */
  async received(principal: Principal): Promise<ReceivedProposalDto[]> {
    const viewer = viewerOf(principal);
    const now = this.clock.now();
    const rows: Array<{
      id: string;
      status: ReceivedProposalDto['status'];
      pooled_company_id: string;
      company_name: string;
      appellation_code: string;
      appellation_label: string;
      siae_id: string;
      siae_name: string;
      pseudonym: string | null;
      sent_at: Date;
      answered_at: Date | null;
    }> = await this.dataSource.query(
      `SELECT p.id, p.status, p.pooled_company_id, pc.display_name AS company_name, p.appellation_code,
              a.label AS appellation_label, p.siae_id, s.name AS siae_name,
              CASE WHEN p.siae_id = ANY($1::uuid[]) THEN cp.pseudonym END AS pseudonym, p.sent_at, p.answered_at
         FROM proposal p
         JOIN pooled_company pc ON pc.id = p.pooled_company_id
         JOIN rome_appellation a ON a.code = p.appellation_code
         JOIN siae s ON s.id = p.siae_id
         LEFT JOIN candidate_profile cp ON cp.candidate_id = p.candidate_id
        WHERE p.collective_id = ANY($2::uuid[])
          AND EXISTS (SELECT 1 FROM pooled_company_member m JOIN company c ON c.id = m.company_id
                       WHERE m.pooled_company_id = p.pooled_company_id AND c.siae_id = ANY($1::uuid[]))
        ORDER BY p.sent_at DESC, p.id LIMIT 500`,
      [viewer.ownSiaeIds, viewer.memberCollectiveIds],
    );
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      pooledCompanyId: r.pooled_company_id,
      companyName: r.company_name,
      appellation: { code: r.appellation_code, label: r.appellation_label },
      fromSiaeId: r.siae_id,
      fromSiaeName: r.siae_name,
      pseudonym: r.pseudonym,
      sentAt: r.sent_at.toISOString(),
      answeredAt: r.answered_at ? r.answered_at.toISOString() : null,
      daysSinceSent: Math.floor((now.getTime() - r.sent_at.getTime()) / DAY),
    }));
  }

  async figures(principal: Principal, collectiveId: string): Promise<ProposalFiguresDto> {
    const viewer = viewerOf(principal);
    if (!viewer.coordinatorOf.includes(collectiveId) && !viewer.isAdmin) {
      if (readableCollectiveIds(viewer).includes(collectiveId)) throw errors.coordinatorOnlyFigures();
      throw errors.collectiveNotFound();
    }
    const base = `WITH p AS (
        SELECT p.*, p.answered_at IS NOT NULL AS answered,
               (p.answered_at IS NOT NULL OR p.sent_at <= $2::timestamptz - interval '${ANSWER_DUE_DAYS} days') AS is_due,
               extract(epoch FROM p.answered_at - p.sent_at) / 86400 AS response_days
          FROM proposal p
         WHERE p.collective_id = $1 AND NOT (p.status = 'withdrawn' AND p.answered_at IS NULL))`;
    const agg = `count(*)::int AS proposals, count(*) FILTER (WHERE is_due)::int AS due,
                 count(*) FILTER (WHERE answered)::int AS answered,
                 (percentile_cont(0.5) WITHIN GROUP (ORDER BY response_days) FILTER (WHERE answered))::float AS median_days`;
    const now = this.clock.now();
    const [overall]: FigureRow[] = await this.dataSource.query(`${base} SELECT '' AS key, '' AS name, ${agg} FROM p`, [
      collectiveId,
      now,
    ]);
    const byCompany: FigureRow[] = await this.dataSource.query(
      `${base} SELECT p.pooled_company_id AS key, pc.display_name AS name, ${agg}
         FROM p JOIN pooled_company pc ON pc.id = p.pooled_company_id
        GROUP BY p.pooled_company_id, pc.display_name ORDER BY pc.display_name, p.pooled_company_id`,
      [collectiveId, now],
    );
    const bySiae: FigureRow[] = await this.dataSource.query(
      `${base} SELECT p.siae_id AS key, s.name, ${agg}
         FROM p JOIN siae s ON s.id = p.siae_id GROUP BY p.siae_id, s.name ORDER BY s.name, p.siae_id`,
      [collectiveId, now],
    );
    const companies: CompanyResponseFiguresDto[] = byCompany.map((r) => ({
      pooledCompanyId: r.key,
      companyName: r.name,
      ...figures(r),
      neverAnswers: r.answered === 0 && r.due >= NEVER_ANSWERS_MIN_DUE,
    }));
    const siaes: SiaeResponseFiguresDto[] = bySiae.map((r) => ({ siaeId: r.key, siaeName: r.name, ...figures(r) }));
    return {
      collectiveId,
      overall: figures(overall),
      byCompany: companies,
      bySiae: siaes,
      neverAnswering: companies.filter((c) => c.neverAnswers),
    };
  }
}
