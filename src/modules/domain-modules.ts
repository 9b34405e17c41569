import { CandidatesModule } from './candidates/candidates.module';
import { AgendasModule } from './events/agendas/agendas.module';
import { DayModule } from './events/day/day.module';
import { EventsModule } from './events/events.module';
import { PlanningModule } from './events/planning/planning.module';
import { OutcomesModule } from './events/outcomes/outcomes.module';
import { EmployerNetworkModule } from './employer-network/employer-network.module';
import { MatchingModule } from './matching/matching.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ProposalsModule } from './proposals/proposals.module';
import { ReferentialsModule } from './referentials/referentials.module';
import { ReportsModule } from './reports/reports.module';
import { StructuresModule } from './structures/structures.module';

/** Every domain module, loaded by both the API and the worker. Add yours here. */
export const domainModules = [
  StructuresModule,
  NotificationsModule,
  ReferentialsModule,
  CandidatesModule,
  EmployerNetworkModule,
  MatchingModule,
  EventsModule,
  ReportsModule,
  DayModule,
  PlanningModule,
  ProposalsModule,
  OutcomesModule,
  AgendasModule,
];
