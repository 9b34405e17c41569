import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../platform/auth/principal';
import { Clock } from '../../platform/clock/clock';
import { readSnapshot } from '../../platform/database/snapshot';
import { accessAsOrganiser } from '../events/events-access';
import { Event } from '../events/entities/event.entity';
import { Collective } from '../structures/entities/collective.entity';
import { standingIn } from '../structures/access';
import type { CollectiveReportDto, EventReportDto } from './dto/report.dto';
import { daysBetween, eventFigures, totalFigures } from './report-figures';
import { loadReportSnapshot } from './report-snapshot';
import { MAX_PERIOD_DAYS, reportsErrors as errors } from './reports.errors';

/**
 * Impact reports: per event for its organisers, per collective over a period for its coordinators. Read in one
 * REPEATABLE READ READ ONLY transaction, so every figure comes from the same state of the database.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  eventReport(principal: Principal, eventId: string): Promise<EventReportDto> {
    return readSnapshot(this.dataSource, async (manager) => {
      const { event } = await accessAsOrganiser(manager, principal, eventId);
      return this.reportOf(manager, event);
    });
  }

  collectiveReport(principal: Principal, collectiveId: string, from: string, to: string): Promise<CollectiveReportDto> {
    const days = daysBetween(from, to);
    if (!(days >= 0 && days < MAX_PERIOD_DAYS)) throw errors.periodInvalid();
    return readSnapshot(this.dataSource, async (manager) => {
      const standing = await standingIn(manager, principal, collectiveId);
      if (standing !== 'coordinator' && standing !== 'admin') throw errors.coordinatorOnly();
      const collective = await manager.findOneByOrFail(Collective, { id: collectiveId });
      const events = await manager
        .createQueryBuilder(Event, 'e')
        .where('e.collective_id = :collectiveId', { collectiveId })
        .andWhere('e.event_date BETWEEN :from AND :to', { from, to })
        .andWhere(`e.status <> 'cancelled'`)
        .orderBy('e.event_date')
        .addOrderBy('e.id')
        .getMany();
      const reports: EventReportDto[] = [];
      for (const event of events) reports.push(await this.reportOf(manager, event));
      return {
        collectiveId,
        collectiveName: collective.name,
        from,
        to,
        generatedAt: this.clock.now(),
        events: reports,
        totals: { events: reports.length, ...totalFigures(reports) },
      };
    });
  }

  private async reportOf(manager: EntityManager, event: Event): Promise<EventReportDto> {
    const now = this.clock.now();
    const figures = eventFigures(await loadReportSnapshot(manager, event, now));
    return {
      event: { id: event.id, title: event.title, date: event.eventDate, status: event.status },
      generatedAt: now,
      ...figures,
    };
  }
}
