import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { Clock } from '../../platform/clock/clock';
import { CompaniesService } from './companies.service';
import { isActiveMemberSql } from '../structures/access';
import { viewerOf } from './employer-network-access';
import { employerNetworkWrites } from './employer-network.permissions';
import { employerNetworkErrors as errors } from './employer-network.errors';
import type { ShareDto } from './dto/company.dto';
import { CompanyShare } from './entities';
import { PoolingRequests } from './pooling-requests.service';

/** Sharing decisions: an SIAE's direction or chargé·e de développement shares a record with a collective, or withdraws it. */
@Injectable()
export class SharingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
    private readonly audit: AuditService,
    private readonly pooling: PoolingRequests,
    private readonly clock: Clock,
  ) {}

  async share(principal: Principal, companyId: string, dto: ShareDto) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const company = await this.companies.lockWritable(manager, viewer, companyId, employerNetworkWrites.share);
      const member = await manager.query(`SELECT 1 WHERE ${isActiveMemberSql('$1::uuid', '$2::uuid')}`, [
        dto.collectiveId,
        company.siaeId,
      ]);
      if (member.length === 0) throw errors.notAMember();
      const existing = await manager.count(CompanyShare, {
        where: { companyId, collectiveId: dto.collectiveId, withdrawnAt: IsNull() },
      });
      if (existing > 0) throw errors.alreadyShared();
      const share = await manager.save(
        CompanyShare,
        manager.create(CompanyShare, {
          companyId,
          collectiveId: dto.collectiveId,
          withContacts: dto.withContacts,
          sharedByUserId: viewer.userId,
          sharedAt: this.clock.now(),
        }),
      );
      await this.audit.record(
        {
          actorUserId: viewer.userId,
          action: employerNetworkWrites.share.audit,
          subjectType: 'company',
          subjectId: companyId,
          context: { collectiveId: dto.collectiveId, withContacts: dto.withContacts, siaeId: company.siaeId },
        },
        manager,
      );
      const run = await this.pooling.requestForCollective(manager, dto.collectiveId, viewer.userId);
      return {
        id: share.id,
        companyId,
        collectiveId: share.collectiveId,
        withContacts: share.withContacts,
        sharedAt: share.sharedAt,
        poolingRunId: run.id,
      };
    });
  }

  async withdraw(principal: Principal, companyId: string, collectiveId: string) {
    return this.dataSource.transaction(async (manager) => {
      const viewer = viewerOf(principal);
      const company = await this.companies.lockWritable(
        manager,
        viewer,
        companyId,
        employerNetworkWrites.withdrawShare,
      );
      const updated: [unknown[], number] = await manager.query(
        `UPDATE company_share SET withdrawn_at = $3, withdrawn_by_user_id = $4
          WHERE company_id = $1 AND collective_id = $2 AND withdrawn_at IS NULL RETURNING id`,
        [companyId, collectiveId, this.clock.now(), viewer.userId],
      );
      if (updated[1] === 0) throw errors.notShared();
      await this.audit.record(
        {
          actorUserId: viewer.userId,
          action: employerNetworkWrites.withdrawShare.audit,
          subjectType: 'company',
          subjectId: companyId,
          context: { collectiveId, siaeId: company.siaeId },
        },
        manager,
      );
      const run = await this.pooling.requestForCollective(manager, collectiveId, viewer.userId);
      return { companyId, collectiveId, withdrawn: true as const, poolingRunId: run.id };
    });
  }
}
