import { CompanyImportJobs } from './company-import-jobs.service';
import { ImportCompaniesJob } from './jobs/import-companies.job';
import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module';
import { ReferentialsModule } from '../referentials/referentials.module';
import { CompaniesImportController } from './companies-import.controller';
import { CompaniesImportService } from './companies-import.service';
import { CompaniesService } from './companies.service';
import { CompanyInteractionsService } from './company-interactions.service';
import { ContactPrivacyService } from './contact-privacy.service';
import { CompaniesController } from './employer-network.controller';
import { HiringNeedsService } from './hiring-needs.service';
import { ExpireNeedsJob } from './jobs/expire-needs.job';
import { PoolCollectiveJob } from './jobs/pool-collective.job';
import { PooledCompaniesController } from './pooled-companies.controller';
import { PooledCompaniesService } from './pooled-companies.service';
import { PoolingAdminService } from './pooling-admin.service';
import { PoolingRequests } from './pooling-requests.service';
import { PoolingService } from './pooling.service';
import { SharingService } from './sharing.service';
import { SolicitationsService } from './solicitations.service';

/**
 * Employer network: company records owned by an SIAE, shared with collectives, pooled by a job (pure linking engine in
 * ./linking), with a solicitation log and budget per pooled company. Visibility lives in the queries.
 */
@Module({
  imports: [ReferentialsModule, CandidatesModule],
  controllers: [CompaniesController, PooledCompaniesController, CompaniesImportController],
  providers: [
    CompaniesService,
    CompanyInteractionsService,
    ContactPrivacyService,
    CompaniesImportService,
    CompanyImportJobs,
    HiringNeedsService,
    SharingService,
    PoolingRequests,
    PoolingService,
    PoolingAdminService,
    PooledCompaniesService,
    SolicitationsService,
    PoolCollectiveJob,
    ImportCompaniesJob,
    ExpireNeedsJob,
  ],
  exports: [CompaniesService, PooledCompaniesService, SolicitationsService],
})
export class EmployerNetworkModule {}
