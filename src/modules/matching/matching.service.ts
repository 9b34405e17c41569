import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../platform/auth/principal';
import { viewerOf } from '../structures/access';
import { Clock, fieldDate } from '../../platform/clock/clock';
import { readSnapshot } from '../../platform/database/snapshot';
import {
  defaultMatchingWeights,
  rankCandidatesForNeed,
  rankNeedsForCandidate,
  rankNeedScoresForCandidate,
  relatedJobsFromRows,
  type MatchingContext,
  type CandidateSnapshot,
  type MatchResult,
  type RelatedJobs,
  type ScoreComponent,
} from './engine';
import { matchingErrors } from './matching.errors';
import {
  DEFAULT_NEED_RADIUS_KM,
  loadJobReferential,
  loadShownDetails,
  type NeedLabels,
  labelled,
  loadViewerAndCandidate,
  loadViewerAndNeed,
  type JobReferential,
  type NeedRowInfo,
  type PooledNeedRow,
  prefilterCandidates,
  loadNeedsOfCandidate,
  type ListViewer,
  type CachedCandidate,
  type CachedNeed,
} from './matching-queries';
import type { MatchesQueryDto } from './dto/matches.dto';
import { interpretStoredWeights } from './collective-weights';
import { limitsFor } from '../employer-network/solicitation-budget';
import type { PooledCompanyFacts } from './pooled-company-queries';
import { SnapshotCache } from './snapshot-cache';
import { bestPerPooledCompany, solicitationState, type PooledCompanyMatchItem } from './pooled-company-matches';
import { demoteNeverAnswering, neverAnsweringSql, neverAnswersReason } from './company-responsiveness';

/** The companies among `ids` that never answer proposals, with how many proposals they left unanswered. */
async function loadNeverAnswering(manager: EntityManager, ids: string[], now: Date): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows: Array<{ pooled_company_id: string; due: number }> = await manager.query(neverAnsweringSql('$1', '$2'), [
    ids,
    now,
  ]);
  return new Map(rows.map((r) => [r.pooled_company_id, r.due]));
}

const DEFAULT_LIMIT = 20;
/** Pooled companies shown beside the needs of a candidate (best first). */
const POOLED_COMPANIES_SHOWN = 10;

export interface ScoreView {
  score: number;
  maxScore: number;
  normalizedScore: number;
  distanceKm: number | null;
  components: ScoreComponent[];
}

export interface CandidateMatchItem extends ScoreView {
  candidateId: string;
  pseudonym: string;
  /** True when the candidate is of the caller's own SIAE. */
  mine: boolean;
  commune: { code: string; name: string };
}

export interface NeedMatchItem extends ScoreView, Omit<NeedRowInfo, 'companyId' | 'companyName'> {
  needId: string;
  company: { id: string; name: string };
}

export interface MatchPage<T> {
  items: T[];
  /** Ranked results in total (after filters, before the page). */
  total: number;
  /** Candidates/needs the pre-filter found but a hard rule left out (radius, licence, French). */
  excludedCount: number;
  offset: number;
  limit: number;
  /** Whose weights ranked the list: a collective's overrides, or the documented defaults. */
  weights: 'collective' | 'default';
  /** The collective whose weights were asked for or applied (null: several collectives and none chosen → defaults). */
  weightsCollectiveId: string | null;
}

type ListContext = MatchingContext & { weightsSource: 'collective' | 'default'; weightsCollectiveId: string | null };
const weightsView = (ctx: ListContext) => ({
  weights: ctx.weightsSource,
  weightsCollectiveId: ctx.weightsCollectiveId,
});

const scoreView = (r: MatchResult): ScoreView => ({
  score: r.score,
  maxScore: r.maxScore,
  normalizedScore: r.normalizedScore,
  distanceKm: r.distanceKm === null ? null : Math.round(r.distanceKm * 10) / 10,
  components: r.components,
});

/**
 * Match lists: SQL pre-filter (visibility and consent in the WHERE clause), then the pure engine ranks and explains the
 * page. Everything is read in one READ ONLY, REPEATABLE READ transaction (readSnapshot), so memberships, consents and
 * needs are one state.
 */
@Injectable()
export class MatchingService {
  private readonly logger = new Logger(MatchingService.name);
  private referential: Promise<{ ref: JobReferential; lookup: RelatedJobs }> | null = null;
  /** Scored snapshots by match version (see SnapshotCache): per process, checked against the row's version on every read. */
  private readonly candidateSnapshots = new SnapshotCache<CachedCandidate>();
  private readonly needSnapshots = new SnapshotCache<CachedNeed>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async candidatesForNeed(
    principal: Principal,
    needId: string,
    q: MatchesQueryDto,
  ): Promise<
    MatchPage<CandidateMatchItem> & {
      need: { id: string; appellation: { code: string; label: string }; place: { code: string; name: string } | null };
    }
  > {
    return readSnapshot(this.dataSource, async (manager) => {
      const { viewer, need } = await loadViewerAndNeed(manager, viewerOf(principal).ownSiaeIds, needId);
      if (!need) throw matchingErrors.needNotFound();
      if (!need.open) throw matchingErrors.needNotOpen();
      const related = await this.jobReferential(manager);
      this.checkDomain(related.ref, q.domain);
      const ctx = this.context(viewer, related.lookup, q.collectiveId);
      const candidates = await prefilterCandidates(
        manager,
        viewer,
        need.snapshot,
        related.ref,
        {
          radiusKm: q.radiusKm ?? DEFAULT_NEED_RADIUS_KM,
          domain: q.domain,
          availableBy: q.availableBy,
        },
        this.candidateSnapshots,
      );
      const page = this.page(q);
      const ranking = rankCandidatesForNeed(
        need.snapshot,
        candidates.map((h) => h.snapshot),
        ctx,
        { ...page, minScore: q.minScore },
      );
      const byId = new Map(candidates.map((h) => [h.snapshot.id, h]));
      const own = new Set(viewer.ownSiaeIds);
      return {
        need: { id: need.snapshot.id, appellation: need.info.appellation, place: need.info.place },
        items: ranking.items.map((r) => {
          const i = byId.get(r.candidateId)!;
          return {
            candidateId: r.candidateId,
            pseudonym: i.pseudonym,
            mine: own.has(i.siaeId),
            commune: i.commune,
            ...scoreView(r),
          };
        }),
        total: ranking.total,
        excludedCount: ranking.excludedCount,
        ...page,
        ...weightsView(ctx),
      };
    });
  }

  async needsForCandidate(
    principal: Principal,
    candidateId: string,
    q: MatchesQueryDto,
  ): Promise<
    MatchPage<NeedMatchItem> & {
      candidate: { id: string };
      companies: { items: PooledCompanyMatchItem[]; total: number };
    }
  > {
    return readSnapshot(this.dataSource, async (manager) => {
      const { viewer, candidate: found } = await loadViewerAndCandidate(
        manager,
        viewerOf(principal).ownSiaeIds,
        candidateId,
      );
      if (found.status === 'not_found') throw matchingErrors.candidateNotFound();
      if (found.status === 'no_profile') throw matchingErrors.candidateWithoutProfile();
      const candidate = found.snapshot;
      const related = await this.jobReferential(manager);
      this.checkDomain(related.ref, q.domain);
      const ctx = this.context(viewer, related.lookup, q.collectiveId);
      const needs = await loadNeedsOfCandidate(
        manager,
        viewer,
        candidate,
        related.ref,
        { radiusKm: q.radiusKm ?? candidate.mobilityRadiusKm, domain: q.domain, today: ctx.today },
        this.needSnapshots,
      );
      const hits = needs.open;
      const info = new Map(hits.map((h) => [h.snapshot.id, h.info]));
      const page = this.page(q);
      const ranking = rankNeedsForCandidate(
        candidate,
        hits.map((h) => h.snapshot),
        ctx,
        { ...page, minScore: q.minScore },
      );
      const ranked = this.rankPooledCompanies(candidate, needs.pooled, ctx, q);
      const silent = await loadNeverAnswering(
        manager,
        ranked.all.map((b) => b.row.pooledCompanyId),
        this.clock.now(),
      );
      const companies = {
        best: demoteNeverAnswering(ranked.all, silent).slice(0, POOLED_COMPANIES_SHOWN),
        total: ranked.total,
        silent,
      };
      const { labels, facts } = await loadShownDetails(
        manager,
        [...new Set([...ranking.items.map((r) => r.needId), ...companies.best.map((b) => b.row.needId)])],
        companies.best.map((b) => b.row.pooledCompanyId),
        this.clock.now(),
      );
      return {
        candidate: { id: candidate.id },
        items: ranking.items.map((r) => {
          const i = labelled(info.get(r.needId)!, labels.get(r.needId));
          return {
            needId: r.needId,
            company: { id: i.companyId, name: i.companyName },
            appellation: i.appellation,
            place: i.place,
            positions: i.positions,
            contractType: i.contractType,
            startDate: i.startDate,
            weeklyHours: i.weeklyHours,
            ...scoreView(r),
          };
        }),
        total: ranking.total,
        excludedCount: ranking.excludedCount,
        ...page,
        ...weightsView(ctx),
        companies: this.pooledCompaniesView(companies, labels, facts, ctx),
      };
    });
  }

  /** The pooled companies that could hire the candidate (see pooled-company-matches.ts): the best ones and how many. */
  private rankPooledCompanies(
    candidate: CandidateSnapshot,
    rows: PooledNeedRow[],
    ctx: MatchingContext,
    q: MatchesQueryDto,
  ) {
    const byNeed = new Map(rows.map((r) => [r.snapshot.id, r]));
    // Scores only: the list shows each company's best score, never the reasons of its thousand needs.
    const ranked = rankNeedScoresForCandidate(
      candidate,
      rows.map((r) => r.snapshot),
      ctx,
      { minScore: q.minScore },
    );
    // Every company, not only the shown ones: a company that never answers is demoted before the list is cut.
    const all = bestPerPooledCompany(ranked.items, byNeed, Number.MAX_SAFE_INTEGER);
    return { all, total: all.length };
  }

  /** Those companies as shown, with their solicitation state (budget, pause) and the SIAE that know them. */
  private pooledCompaniesView(
    companies: {
      best: ReturnType<MatchingService['rankPooledCompanies']>['all'];
      total: number;
      silent: ReadonlyMap<string, number>;
    },
    labels: ReadonlyMap<string, NeedLabels>,
    facts: ReadonlyMap<string, PooledCompanyFacts>,
    ctx: MatchingContext,
  ): { items: PooledCompanyMatchItem[]; total: number } {
    const { best, total } = companies;
    return {
      total,
      items: best.flatMap(({ row, best: r, openNeeds }) => {
        const f = facts.get(row.pooledCompanyId);
        // Read in the same snapshot as the ranking, so always there; a company that is not is not shown rather than half shown.
        if (!f) return [];
        return [
          {
            pooledCompanyId: row.pooledCompanyId,
            name: f.name,
            commune: f.commune,
            knownBySiae: f.knownBy,
            openNeeds,
            bestNeed: {
              needId: row.needId,
              status: row.status,
              appellation: labelled(row.info, labels.get(row.needId)).appellation,
              score: r.score,
              normalizedScore: r.normalizedScore,
              distanceKm: r.distanceKm === null ? null : Math.round(r.distanceKm * 10) / 10,
            },
            solicitation: solicitationState(f, limitsFor(f.budgetRows, f.sizeBand), f.pausedUntil, ctx.today),
            reasons: companies.silent.has(row.pooledCompanyId)
              ? [neverAnswersReason(companies.silent.get(row.pooledCompanyId)!)]
              : [],
          },
        ];
      }),
    };
  }

  private checkDomain(ref: JobReferential, domain: string | undefined): void {
    if (domain !== undefined && !ref.domains.has(domain)) throw matchingErrors.unknownDomain(domain);
  }

  /** The referential changes only with an import (a deployment): loaded once per process. */
  private jobReferential(manager: EntityManager): Promise<{ ref: JobReferential; lookup: RelatedJobs }> {
    if (!this.referential) {
      this.referential = loadJobReferential(manager).then((ref) => ({ ref, lookup: relatedJobsFromRows(ref.related) }));
      this.referential.catch(() => (this.referential = null));
    }
    return this.referential;
  }

  /**
   * One set of weights per list, so that its scores compare: those of the collective asked for (the caller's SIAE must
   * be an active member), else of the caller's only collective, else the defaults (several collectives, none chosen).
   */
  private context(viewer: ListViewer, relatedJobs: RelatedJobs, requested: string | undefined): ListContext {
    const today = fieldDate(this.clock.now());
    if (requested !== undefined && !viewer.memberCollectiveIds.includes(requested))
      throw matchingErrors.collectiveNotYours(requested);
    const collectiveId = requested ?? (viewer.memberCollectiveIds.length === 1 ? viewer.memberCollectiveIds[0] : null);
    const stored = collectiveId
      ? interpretStoredWeights(viewer.storedWeights.get(collectiveId))
      : { weights: null, issues: null };
    if (stored.issues)
      this.logger.error({
        msg: 'stored matching weights are invalid: the defaults apply',
        collectiveId,
        issues: stored.issues,
      });
    const own = stored.weights;
    return {
      today,
      weights: own ?? defaultMatchingWeights,
      relatedJobs,
      weightsSource: own ? 'collective' : 'default',
      weightsCollectiveId: collectiveId,
    };
  }

  private page(q: MatchesQueryDto): { offset: number; limit: number } {
    return { offset: q.offset ?? 0, limit: q.limit ?? DEFAULT_LIMIT };
  }
}
