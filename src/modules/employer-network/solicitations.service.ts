import type { SizeBand } from './employer-network-vocabulary';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { Clock, fieldDate } from '../../platform/clock/clock';
import { isActiveMemberSql } from '../structures/access';
import { assertMayWrite, employerActor } from '../structures/access/write-rules';
import { employerNetworkWrites } from './employer-network.permissions';
import { pooledCompanyFacts } from './pooled-company-facts';
import { viewerOf, pooledCollectivesOf, type Viewer } from './employer-network-access';
import { employerNetworkErrors as errors } from './employer-network.errors';
import type { BudgetDto, PauseDto, SolicitationDto } from './dto/pooling.dto';
import { PooledCompany, Solicitation, SolicitationBudget } from './entities';
import { budgetRefusal, DEFAULT_BUDGET, limitsFor } from './solicitation-budget';

const DAY = 86_400_000;
/** The longest pause one decision sets: beyond, the company is asked again. */
export const PAUSE_MAX_MONTHS = 12;

/** The same calendar day `months` later (clamped to the month's last day: 2027-02-28 for 2026-02-29 + 12). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export interface BudgetStatus {
  maxPer30Days: number;
  maxPer7Days: number;
  last30Days: number;
  last7Days: number;
  pausedUntil: string | null;
}

/**
 * The solicitation log and budget of pooled companies. Every outreach is logged; beyond the collective's budget (per
 * company size) or during a pause it is refused, unless a coordinator overrides it (audited). The pooled company's row
 * is locked for the whole check-and-insert, so two SIAE racing for the last unit of budget are served one after the
 * other and the second sees the first: exactly one gets it.
 */
@Injectable()
export class SolicitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async solicit(principal: Principal, pooledCompanyId: string, dto: SolicitationDto) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const pooled = await this.lockExisting(manager, pooledCompanyId);
      assertMayWrite(viewer, employerNetworkWrites.solicitation, {
        collectiveIds: [pooled.collectiveId],
        subject: { type: 'pooled_company', id: pooled.id },
      });
      const coordinator = viewer.coordinatorOf.includes(pooled.collectiveId) || principal.isAdmin;
      const member = await manager.query(`SELECT 1 WHERE ${isActiveMemberSql('$1::uuid', '$2::uuid')}`, [
        pooled.collectiveId,
        dto.siaeId,
      ]);
      if (member.length === 0 || (!viewer.ownSiaeIds.includes(dto.siaeId) && !coordinator))
        throw errors.soliciterNotMember();
      if (dto.overrideReason !== undefined && !coordinator) throw errors.overrideForbidden();
      const now = this.clock.now();
      const status = await this.status(manager, pooled, now);
      if (dto.overrideReason === undefined)
        this.assertWithinBudget(status, await this.windowStarts(manager, pooled.id, now), now);
      const row = await manager.save(
        Solicitation,
        manager.create(Solicitation, {
          pooledCompanyId: pooled.id,
          collectiveId: pooled.collectiveId,
          siaeId: dto.siaeId,
          byUserId: viewer.userId,
          kind: dto.kind,
          occurredAt: now,
          note: dto.note?.trim() || null,
          overrideReason: dto.overrideReason ?? null,
        }),
      );
      await this.audit.record(
        {
          actorUserId: viewer.userId,
          action: dto.overrideReason !== undefined ? 'solicitation.override' : employerNetworkWrites.solicitation.audit,
          subjectType: 'pooled_company',
          subjectId: pooled.id,
          context: { reason: dto.overrideReason ?? null, solicitationId: row.id, siaeId: dto.siaeId, ...status },
        },
        manager,
      );
      return { solicitation: row, budget: await this.status(manager, pooled, now) };
    });
  }

  /**
   * The same budget rule for another module's use case (an event invitation), inside the caller's transaction: the
   * caller has already decided who may solicit this pooled company. Locks the pooled company's row like `solicit`.
   */
  async solicitWithin(
    manager: EntityManager,
    input: {
      pooledCompanyId: string;
      byUserId: string;
      kind: Solicitation['kind'];
      note: string | null;
      overrideReason?: string;
    },
  ): Promise<{ solicitationId: string; budget: BudgetStatus }> {
    const pooled = await manager.findOne(PooledCompany, {
      where: { id: input.pooledCompanyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!pooled || pooled.dissolvedAt !== null) throw errors.pooledCompanyNotFound();
    const now = this.clock.now();
    const status = await this.status(manager, pooled, now);
    if (input.overrideReason === undefined)
      this.assertWithinBudget(status, await this.windowStarts(manager, pooled.id, now), now);
    const row = await manager.save(
      Solicitation,
      manager.create(Solicitation, {
        pooledCompanyId: pooled.id,
        collectiveId: pooled.collectiveId,
        siaeId: null,
        byUserId: input.byUserId,
        kind: input.kind,
        occurredAt: now,
        note: input.note,
        overrideReason: input.overrideReason ?? null,
      }),
    );
    if (input.overrideReason !== undefined)
      await this.audit.record(
        {
          actorUserId: input.byUserId,
          action: 'solicitation.override',
          subjectType: 'pooled_company',
          subjectId: pooled.id,
          context: { reason: input.overrideReason, solicitationId: row.id, ...status },
        },
        manager,
      );
    return { solicitationId: row.id, budget: await this.status(manager, pooled, now) };
  }

  /**
   * A pause the employer asked for itself (declining an invitation through its link), audited under that label. Decided
   * by the same rule as the staff's pause (`employerNetworkWrites.pause`, its `employer` party): the link's scope must
   * name this pooled company. The bounds of the date are the caller's (the decline route checks them first).
   */
  async pauseAtEmployerRequest(
    manager: EntityManager,
    input: {
      employer: { linkId: string; scope: Readonly<Record<string, string>> };
      pooledCompanyId: string;
      until: string;
      reason: string;
      actorLabel: string;
    },
  ): Promise<void> {
    // Not `lockExisting`: a pooled company dissolved since the invitation still records the company's wish.
    const pooled = await manager.findOne(PooledCompany, {
      where: { id: input.pooledCompanyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!pooled) throw errors.pooledCompanyNotFound();
    assertMayWrite(
      employerActor(input.employer),
      employerNetworkWrites.pause,
      await pooledCompanyFacts(manager, pooled),
    );
    await manager.update(
      PooledCompany,
      { id: input.pooledCompanyId },
      { pausedUntil: input.until, pauseReason: input.reason.slice(0, 300) },
    );
    await this.audit.record(
      {
        actorLabel: input.actorLabel,
        action: 'pooled_company.pause',
        subjectType: 'pooled_company',
        subjectId: input.pooledCompanyId,
        context: { until: input.until, reason: input.reason, byEmployer: true },
      },
      manager,
    );
  }

  async log(principal: Principal, pooledCompanyId: string) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const pooled = await this.findVisible(manager, viewer, pooledCompanyId);
      const entries = await manager.query(
        `SELECT s.id, s.kind, s.occurred_at AS "occurredAt", s.siae_id AS "siaeId", si.name AS "siaeName", s.by_user_id AS "byUserId",
                s.note, s.override_reason AS "overrideReason"
           FROM solicitation s LEFT JOIN siae si ON si.id = s.siae_id
          WHERE s.pooled_company_id = $1 ORDER BY s.occurred_at DESC, s.id`,
        [pooled.id],
      );
      return { pooledCompanyId: pooled.id, budget: await this.status(manager, pooled, this.clock.now()), entries };
    });
  }

  /**
   * The company asked not to be called until a date: who may record it is in `employerNetworkWrites.pause`. The date is
   * in the future and at most 12 months away (a longer silence is a decision for the company to renew, not a default),
   * with the company's reason.
   */
  async pause(principal: Principal, pooledCompanyId: string, dto: PauseDto) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const pooled = await this.lockExisting(manager, pooledCompanyId);
      assertMayWrite(viewer, employerNetworkWrites.pause, await pooledCompanyFacts(manager, pooled));
      const today = fieldDate(this.clock.now());
      const latest = addMonths(today, PAUSE_MAX_MONTHS);
      if (!dto.until || dto.until <= today || dto.until > latest) throw errors.pauseDateOutOfRange(today, latest);
      const reason = dto.reason?.trim();
      if (!reason) throw errors.pauseReasonRequired();
      await manager.update(PooledCompany, { id: pooled.id }, { pausedUntil: dto.until, pauseReason: reason });
      await this.audit.record(
        {
          actorUserId: viewer.userId,
          action: employerNetworkWrites.pause.audit,
          subjectType: 'pooled_company',
          subjectId: pooled.id,
          context: { until: dto.until, reason, previousUntil: pooled.pausedUntil },
        },
        manager,
      );
      return { pooledCompanyId: pooled.id, pausedUntil: dto.until };
    });
  }

  /** Lifting a pause is its own action (same people as pausing), logged with the pause it ends. */
  async liftPause(principal: Principal, pooledCompanyId: string) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const pooled = await this.lockExisting(manager, pooledCompanyId);
      assertMayWrite(viewer, employerNetworkWrites.liftPause, await pooledCompanyFacts(manager, pooled));
      if (pooled.pausedUntil === null || pooled.pausedUntil < fieldDate(this.clock.now())) throw errors.notPaused();
      await manager.update(PooledCompany, { id: pooled.id }, { pausedUntil: null, pauseReason: null });
      await this.audit.record(
        {
          actorUserId: viewer.userId,
          action: employerNetworkWrites.liftPause.audit,
          subjectType: 'pooled_company',
          subjectId: pooled.id,
          context: { until: pooled.pausedUntil, reason: pooled.pauseReason },
        },
        manager,
      );
      return { pooledCompanyId: pooled.id, pausedUntil: null };
    });
  }

  async getBudget(principal: Principal, collectiveId: string) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      if (!pooledCollectivesOf(viewer).includes(collectiveId) && !principal.isAdmin) throw errors.collectiveNotFound();
      return this.budgetOf(manager, collectiveId);
    });
  }

  async setBudget(principal: Principal, collectiveId: string, dto: BudgetDto) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      assertMayWrite(viewer, employerNetworkWrites.budget, { collectiveIds: [collectiveId] });
      await manager.delete(SolicitationBudget, { collectiveId });
      const rows = [
        { sizeKey: 'any', ...dto.default },
        ...(dto.bySize ?? []).map((b) => ({
          sizeKey: b.sizeBand,
          maxPer30Days: b.maxPer30Days,
          maxPer7Days: b.maxPer7Days,
        })),
      ];
      await manager.insert(
        SolicitationBudget,
        rows.map((r) => ({
          collectiveId,
          sizeKey: r.sizeKey,
          maxPer30Days: r.maxPer30Days,
          maxPer7Days: r.maxPer7Days,
        })),
      );
      await this.audit.record(
        {
          actorUserId: viewer.userId,
          action: employerNetworkWrites.budget.audit,
          subjectType: 'collective',
          subjectId: collectiveId,
          context: { rows },
        },
        manager,
      );
      return this.budgetOf(manager, collectiveId);
    });
  }

  private async budgetOf(manager: EntityManager, collectiveId: string) {
    const rows = await manager.find(SolicitationBudget, { where: { collectiveId }, order: { sizeKey: 'ASC' } });
    const any = rows.find((r) => r.sizeKey === 'any');
    return {
      collectiveId,
      default: any ? { maxPer30Days: any.maxPer30Days, maxPer7Days: any.maxPer7Days } : { ...DEFAULT_BUDGET },
      bySize: rows
        .filter((r) => r.sizeKey !== 'any')
        // rows other than 'any' are written from BudgetDto.bySize, whose sizeBand is checked against sizeBands
        .map((r) => ({ sizeBand: r.sizeKey as SizeBand, maxPer30Days: r.maxPer30Days, maxPer7Days: r.maxPer7Days })),
    };
  }

  async status(manager: EntityManager, pooled: PooledCompany, now: Date): Promise<BudgetStatus> {
    const rows: Array<{ sizeKey: string; maxPer30Days: number; maxPer7Days: number }> = await manager.query(
      `SELECT size_key AS "sizeKey", max_per_30_days AS "maxPer30Days", max_per_7_days AS "maxPer7Days" FROM solicitation_budget WHERE collective_id = $1`,
      [pooled.collectiveId],
    );
    const [counts] = await manager.query(
      `SELECT count(*) FILTER (WHERE occurred_at > $2::timestamptz - interval '30 days')::int AS "last30Days",
              count(*) FILTER (WHERE occurred_at > $2::timestamptz - interval '7 days')::int AS "last7Days"
         FROM solicitation WHERE pooled_company_id = $1 AND occurred_at > $2::timestamptz - interval '30 days'`,
      [pooled.id, now],
    );
    return { ...limitsFor(rows, pooled.sizeBand), ...counts, pausedUntil: pooled.pausedUntil };
  }

  private async windowStarts(manager: EntityManager, pooledId: string, now: Date): Promise<Date[]> {
    const rows: Array<{ occurred_at: Date }> = await manager.query(
      `SELECT occurred_at FROM solicitation WHERE pooled_company_id = $1 AND occurred_at > $2::timestamptz - interval '30 days' ORDER BY occurred_at`,
      [pooledId, now],
    );
    return rows.map((r) => r.occurred_at);
  }

  private assertWithinBudget(status: BudgetStatus, times: Date[], now: Date): void {
    const in7 = times.filter((t) => t.getTime() > now.getTime() - 7 * DAY);
    const refusal = budgetRefusal(
      { last7Days: in7.length, last30Days: times.length },
      status,
      status.pausedUntil,
      fieldDate(now),
    );
    if (!refusal) return;
    if (refusal.kind === 'paused') throw errors.companyPaused(refusal.until);
    // The day the oldest solicitation that counts leaves its window: from then on one more fits.
    const inWindow = refusal.window === '7 jours' ? in7 : times;
    const days = refusal.window === '7 jours' ? 7 : 30;
    const next =
      inWindow.length > 0 && refusal.limit > 0
        ? new Date(inWindow[inWindow.length - refusal.limit].getTime() + days * DAY)
        : null;
    throw errors.budgetExceeded({
      window: refusal.window,
      limit: refusal.limit,
      count: refusal.count,
      nextPossibleAt: next,
    });
  }

  /** The pooled company's row, locked; who may act on it is the caller's rule (404 for who may not see it). */
  private async lockExisting(manager: EntityManager, id: string): Promise<PooledCompany> {
    const pooled = await manager.findOne(PooledCompany, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!pooled || pooled.dissolvedAt !== null) throw errors.pooledCompanyNotFound();
    return pooled;
  }

  private async findVisible(manager: EntityManager, viewer: Viewer, id: string): Promise<PooledCompany> {
    const pooled = await manager.findOne(PooledCompany, { where: { id } });
    if (!pooled || !pooledCollectivesOf(viewer).includes(pooled.collectiveId)) throw errors.pooledCompanyNotFound();
    return pooled;
  }
}
