import { Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../../../platform/auth/access.decorators';
import { ParseId } from '../../../platform/errors/parse-id.pipe';
import { PageController } from '../../../platform/web/page-controller';
import { sendPage } from '../../../platform/web/render';
import { StaffSession } from '../../../platform/web/staff-session';
import { eventReportCsv } from '../report-csv';
import { ReportsService } from '../reports.service';
import { EventReportPage } from './report-views';

/**
 * The organisers' report page of an event (issue 15 §7-8) and its CSV, through the staff session cookie; access is
 * the report use case's own (organisers of the event), so the page shows exactly what the JSON API answers.
 */
@PageController('equipe')
@Public()
export class ReportStaffPagesController {
  constructor(
    private readonly staff: StaffSession,
    private readonly reports: ReportsService,
  ) {}

  @Get('evenements/:eventId/bilan')
  async report(@Param('eventId', ParseId) eventId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.staff.principal(req);
    if (!principal) return res.redirect(303, this.staff.loginPath(`/equipe/evenements/${eventId}/bilan`));
    const report = await this.reports.eventReport(principal, eventId);
    sendPage(res, <EventReportPage report={report} who={principal.email} />);
  }

  @Get('evenements/:eventId/bilan.csv')
  async csv(@Param('eventId', ParseId) eventId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.staff.principal(req);
    if (!principal) return res.redirect(303, this.staff.loginPath(`/equipe/evenements/${eventId}/bilan`));
    const report = await this.reports.eventReport(principal, eventId);
    res
      .status(200)
      .setHeader('content-type', 'text/csv; charset=utf-8')
      .setHeader('content-disposition', `attachment; filename="bilan-${report.event.date}.csv"`)
      .send(eventReportCsv(report));
  }
}
