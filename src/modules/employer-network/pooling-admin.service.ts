import type { PoolingRunDto } from './dto/pooling-views.dto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { assertMayWrite, maySee } from '../structures/access';
import { viewerOf, pooledCollectivesOf } from './employer-network-access';
import { employerNetworkWrites } from './employer-network.permissions';
import { pooledCompanyFacts } from './pooled-company-facts';
import { employerNetworkErrors as errors } from './employer-network.errors';
import type { MergeDto, PoolingRunRequestDto, SplitDto } from './dto/pooling.dto';
import { PooledCompany, PoolingRun } from './entities';
import { PoolingRequests } from './pooling-requests.service';

/** Runs on demand, their progress, and the human corrections (split, merge) that every later run respects. */
@Injectable()
export class PoolingAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly requests: PoolingRequests,
  ) {}

  async requestRun(principal: Principal, collectiveId: string, dto: PoolingRunRequestDto = {}) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      assertMayWrite(viewer, employerNetworkWrites.poolingRun, { collectiveIds: [collectiveId] });
      const run = await this.requests.requestForCollective(manager, collectiveId, viewer.userId, dto.full === true);
      await this.audit.record(
        {
          actorUserId: viewer.userId,
          action: employerNetworkWrites.poolingRun.audit,
          subjectType: 'collective',
          subjectId: collectiveId,
          context: { runId: run.id, full: dto.full === true },
        },
        manager,
      );
      return this.runView(run);
    });
  }

  async progress(principal: Principal, runId: string) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const run = await manager.findOne(PoolingRun, { where: { id: runId } });
      if (!run || (!pooledCollectivesOf(viewer).includes(run.collectiveId) && !principal.isAdmin))
        throw errors.runNotFound();
      return this.runView(run);
    });
  }

  // Typed with the response DTO so that a field added here without the DTO (and openapi.json) does not compile.
  private runView(run: PoolingRun): PoolingRunDto {
    return {
      id: run.id,
      collectiveId: run.collectiveId,
      status: run.status,
      phase: run.phase,
      label: runLabel(run),
      mode: run.mode,
      fullRequested: run.fullRequested,
      total: run.total,
      processed: run.processed,
      percent: run.status === 'done' ? 100 : run.total > 0 ? Math.floor((100 * run.processed) / run.total) : 0,
      stats: run.stats,
      failedAttempts: run.failedAttempts,
      failureReason: failureReason(run),
      createdAt: run.createdAt,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
    };
  }

  /** Takes records out of a pooled company: they never join the remaining ones again, and stay together. */
  async split(principal: Principal, pooledCompanyId: string, dto: SplitDto) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const { pooled, members, facts } = await this.pooledWithMembers(manager, pooledCompanyId);
      assertMayWrite(viewer, employerNetworkWrites.split, facts);
      const moved = [...new Set(dto.companyIds)];
      if (moved.some((id) => !members.includes(id))) throw errors.correctionOutsidePool();
      const staying = members.filter((id) => !moved.includes(id));
      if (staying.length === 0) throw errors.correctionSameRecord();
      for (const m of moved)
        for (const s of staying) await this.decide(manager, pooled.collectiveId, 'split', m, s, viewer.userId);
      for (let i = 1; i < moved.length; i++)
        await this.decide(manager, pooled.collectiveId, 'merge', moved[0], moved[i], viewer.userId);
      await this.audit.record(
        {
          actorUserId: viewer.userId,
          action: employerNetworkWrites.split.audit,
          subjectType: 'pooled_company',
          subjectId: pooled.id,
          context: { moved, staying },
        },
        manager,
      );
      return this.runView(await this.requests.requestForCollective(manager, pooled.collectiveId, viewer.userId));
    });
  }

  /** Two pooled companies are one: a merge decision joins them, and earlier splits between them are lifted. */
  async merge(principal: Principal, pooledCompanyId: string, dto: MergeDto) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const rule = employerNetworkWrites.merge;
      const a = await this.pooledWithMembers(manager, pooledCompanyId);
      const b = await this.pooledWithMembers(manager, dto.otherPooledCompanyId);
      // Either side unseen: `assertMayWrite` answers its `hidden` error (and audits the refusal).
      for (const side of [a, b]) if (!maySee(viewer, rule, side.facts)) assertMayWrite(viewer, rule, side.facts);
      if (a.pooled.collectiveId !== b.pooled.collectiveId) throw errors.correctionOutsidePool();
      if (a.pooled.id === b.pooled.id) throw errors.correctionSameRecord();
      // The records of both sides are involved: a contributor of either may ask.
      assertMayWrite(viewer, rule, {
        collectiveIds: [a.pooled.collectiveId],
        contributorSiaeIds: [...a.facts.contributorSiaeIds, ...b.facts.contributorSiaeIds],
        subject: a.facts.subject,
      });
      await manager.query(
        `DELETE FROM pooling_correction WHERE collective_id = $1 AND kind = 'split'
            AND ((company_a_id = ANY($2::uuid[]) AND company_b_id = ANY($3::uuid[])) OR (company_a_id = ANY($3::uuid[]) AND company_b_id = ANY($2::uuid[])))`,
        [a.pooled.collectiveId, a.members, b.members],
      );
      await this.decide(manager, a.pooled.collectiveId, 'merge', a.members[0], b.members[0], viewer.userId);
      await this.audit.record(
        {
          actorUserId: viewer.userId,
          action: employerNetworkWrites.merge.audit,
          subjectType: 'pooled_company',
          subjectId: a.pooled.id,
          context: { with: b.pooled.id },
        },
        manager,
      );
      return this.runView(await this.requests.requestForCollective(manager, a.pooled.collectiveId, viewer.userId));
    });
  }

  private async decide(
    manager: EntityManager,
    collectiveId: string,
    kind: 'merge' | 'split',
    x: string,
    y: string,
    userId: string,
  ) {
    if (x === y) throw errors.correctionSameRecord();
    const [a, b] = x < y ? [x, y] : [y, x];
    await manager.query(
      `INSERT INTO pooling_correction (collective_id, kind, company_a_id, company_b_id, by_user_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (collective_id, company_a_id, company_b_id) DO UPDATE SET kind = EXCLUDED.kind, by_user_id = EXCLUDED.by_user_id, created_at = now()`,
      [collectiveId, kind, a, b, userId],
    );
  }

  /** The pooled company (locked), its records, and what the write rules need to know of it; 404 if it is gone. */
  private async pooledWithMembers(manager: EntityManager, id: string) {
    const pooled = await manager.findOne(PooledCompany, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!pooled || pooled.dissolvedAt !== null) throw errors.pooledCompanyNotFound();
    const rows: Array<{ company_id: string }> = await manager.query(
      `SELECT company_id FROM pooled_company_member WHERE pooled_company_id = $1 ORDER BY company_id`,
      [id],
    );
    return { pooled, members: rows.map((r) => r.company_id), facts: await pooledCompanyFacts(manager, pooled) };
  }
}

/** Where the run stands, in words: records counted in the phase while it runs, what it did once done. */
/** Why a run failed or is being retried, in French, with the worker's own error for whoever investigates. */
function failureReason(run: PoolingRun): string | null {
  if (!run.lastError || (run.status !== 'failed' && run.phase !== 'error')) return null;
  const attempts = `${run.failedAttempts} tentative${run.failedAttempts > 1 ? 's' : ''}`;
  return run.status === 'failed'
    ? `La mise en commun a échoué après ${attempts} ; relancez-la ou signalez-le. Dernière erreur : ${run.lastError}`
    : `La tentative a échoué (${attempts} jusqu'ici), une nouvelle est prévue. Dernière erreur : ${run.lastError}`;
}

function runLabel(run: PoolingRun): string {
  const n = (x: number) => x.toLocaleString('fr-FR');
  const half = Math.floor(run.total / 2);
  if (run.status === 'queued') return 'En attente';
  if (run.status === 'failed') return 'Échec : abandonnée après la dernière tentative';
  if (run.phase === 'error') return 'Échec : nouvelle tentative prévue';
  if (run.status === 'done') {
    const relinked = Number((run.stats as { relinkedRecords?: number } | null)?.relinkedRecords ?? 0);
    if (run.mode === 'unchanged') return 'Terminée : rien n’avait changé depuis la précédente';
    if (run.mode === 'incremental')
      return `Terminée : ${n(relinked)} fiche(s) touchée(s) par les changements rapprochée(s) de nouveau`;
    return `Terminée : toutes les fiches rapprochées de nouveau (${n(relinked)})`;
  }
  if (run.phase === 'linking')
    return run.total > 0
      ? `Rapprochement des fiches : ${n(run.processed)} sur ${n(half)}`
      : 'Rapprochement des fiches : comparaison avec la précédente';
  if (run.phase === 'writing')
    return `Enregistrement : ${n(Math.max(0, run.processed - half))} fiche(s) sur ${n(half)}`;
  return 'Lecture des fiches partagées';
}
