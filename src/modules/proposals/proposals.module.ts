import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module';
import { EmployerNetworkModule } from '../employer-network/employer-network.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { EmployerProposalController } from './employer-proposal.controller';
import { EmployerProposalPagesController } from './pages/employer-proposal-pages.controller';
import { StaffProposalsPagesController } from './pages/staff-proposals-pages.controller';
import { ProposalChoreJob } from './jobs/proposal-chore.job';
import { ProposalsSweepJob } from './jobs/proposals-sweep.job';
import { ProposalAnswersService } from './proposal-answers.service';
import { ProposalFlow } from './proposal-flow.service';
import './proposal-link';
import { ProposalListsService } from './proposal-lists.service';
import { ProposalSweeps } from './proposal-sweeps.service';
import { ProposalsController } from './proposals.controller';
import './proposals.errors';
import { ProposalsService } from './proposals.service';

/**
 * Proposals: a CIP proposes a person she follows to a hiring need of the pooled network (or spontaneously to a pooled
 * company); the employer answers from a personal link; sweeps relaunch, alert and expire so that nobody is left
 * without an answer. See README.md.
 */
@Module({
  imports: [EmployerNetworkModule, NotificationsModule, CandidatesModule],
  controllers: [
    ProposalsController,
    EmployerProposalController,
    EmployerProposalPagesController,
    StaffProposalsPagesController,
  ],
  providers: [
    ProposalsService,
    ProposalFlow,
    ProposalAnswersService,
    ProposalListsService,
    ProposalSweeps,
    ProposalsSweepJob,
    ProposalChoreJob,
  ],
  exports: [ProposalsService, ProposalSweeps],
})
export class ProposalsModule {}
