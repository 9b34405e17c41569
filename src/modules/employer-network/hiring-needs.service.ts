import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../../platform/auth/principal';
import { Clock } from '../../platform/clock/clock';
import { AppConfig } from '../../platform/config/app-config';
import { OutboxService } from '../../platform/queue/outbox.service';
import { CompaniesService } from './companies.service';
import { viewerOf } from './employer-network-access';
import { employerNetworkErrors as errors } from './employer-network.errors';
import type { HiringNeedDto, NeedStatusDto } from './dto/company.dto';
import { HiringNeed } from './entities';

/**
 * Hiring needs of a company record. A need is confirmed when created and each time someone checks with the employer;
 * an open need left unconfirmed for HIRING_NEED_EXPIRY_DAYS expires (sweep job), so stale offers disappear.
 */
@Injectable()
export class HiringNeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  async create(principal: Principal, companyId: string, dto: HiringNeedDto) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      await this.companies.lockWritable(manager, viewer, companyId);
      const need = await manager.save(
        HiringNeed,
        manager.create(HiringNeed, {
          companyId,
          appellationCode: dto.appellationCode,
          positions: dto.positions,
          contractType: dto.contractType,
          weeklyHours: dto.weeklyHours === undefined || dto.weeklyHours === null ? null : String(dto.weeklyHours),
          placeCommuneCode: dto.placeCommuneCode ?? null,
          startDate: dto.startDate ?? null,
          accommodations: [...new Set(dto.accommodations ?? [])],
          status: 'open',
          confirmedAt: this.clock.now(),
        }),
      );
      // A creation answers the resource it created (see the vocabulary in README.md): the need as the record lists it.
      const company = await this.companies.view(manager, viewer, companyId);
      return { ...company.needs.find((n) => n.id === need.id)!, companyId };
    });
  }

  /** "Still true": the employer confirmed the need today. */
  async confirm(principal: Principal, companyId: string, needId: string) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      await this.companies.lockWritable(manager, viewer, companyId);
      const need = await manager.findOne(HiringNeed, { where: { id: needId, companyId } });
      if (!need) throw errors.needNotFound();
      if (need.status !== 'open') throw errors.needClosed();
      await manager.update(HiringNeed, { id: needId }, { confirmedAt: this.clock.now() });
      return this.companies.view(manager, viewer, companyId);
    });
  }

  async setStatus(principal: Principal, companyId: string, needId: string, dto: NeedStatusDto) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      await this.companies.lockWritable(manager, viewer, companyId);
      const need = await manager.findOne(HiringNeed, { where: { id: needId, companyId } });
      if (!need) throw errors.needNotFound();
      await manager.update(HiringNeed, { id: needId }, { status: dto.status, closedAt: this.clock.now() });
      return this.companies.view(manager, viewer, companyId);
    });
  }

  async requestExpiry(): Promise<string> {
    return this.dataSource.transaction((manager) =>
      this.outbox.enqueue(manager, 'employer-network.needs.expire', { v: 1 }),
    );
  }

  /** One set-based statement: idempotent (an expired need is no longer open), safe to run from several workers. */
  async expireStale(): Promise<{ expired: number }> {
    const [, expired]: [unknown, number] = await this.dataSource.query(
      `UPDATE hiring_need SET status = 'expired', closed_at = $1, updated_at = now()
        WHERE status = 'open' AND confirmed_at < $1::timestamptz - make_interval(days => $2::int)`,
      [this.clock.now(), this.config.HIRING_NEED_EXPIRY_DAYS],
    );
    return { expired };
  }
}
