import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Clock, fieldDate } from '../../../../platform/clock/clock';
import { ParseId } from '../../../../platform/errors/parse-id.pipe';
import { CurrentEmployer, EmployerRoute } from '../../../../platform/links/employer-session.guard';
import { assertScope, EmployerPrincipal } from '../../../../platform/links/links.service';
import { formBody, formDto, pageAction } from '../../../../platform/web/page-action';
import { PageController } from '../../../../platform/web/page-controller';
import { sendPage } from '../../../../platform/web/render';
import { WebSecurity } from '../../../../platform/web/web-security';
import { EmployerBookingService } from '../../booking/employer-booking.service';
import { eventCompanyLink } from '../../booking/employer-link';
import { RecordOutcomeDto } from '../dto/outcome.dto';
import { OutcomesService } from '../outcomes.service';
import { OutcomesPage, outcomesPath, type OutcomeFormError } from './outcome-views';

const FIELD_LABELS: Record<string, string> = {
  kind: 'Suite',
  date: 'Date',
  contractType: 'Type de contrat',
  startDate: 'Premier jour du contrat',
};

const formText = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * The employer's outcome form (issue 15 §6/§8), through the session of its event link: the meetings of its event, one
 * small form per meeting (radios, dates, a select; no script), validated by the same DTO and recorded by the same use
 * case as the JSON API. After a save, 303 back to the list (no resubmission on reload).
 */
@PageController('employeurs/evenements')
@EmployerRoute(eventCompanyLink)
export class EmployerOutcomePagesController {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly booking: EmployerBookingService,
    private readonly web: WebSecurity,
    private readonly clock: Clock,
  ) {}

  @Get(':eventId/suites')
  async show(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Param('eventId') eventId: string,
    @Query('enregistre') saved: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    assertScope(employer, eventCompanyLink, { eventId });
    await this.render(employer, req, res, { saved: saved === '1' });
  }

  @Post(':eventId/suites/:meetingId')
  async record(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Param('eventId') eventId: string,
    @Param('meetingId', ParseId) meetingId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    assertScope(employer, eventCompanyLink, { eventId });
    const body = formBody(req);
    const hire = body.kind === 'hire';
    // A form always sends the hire fields (empty when not a hire): only a hire carries them to the use case.
    const input = {
      kind: formText(body.kind),
      date: formText(body.date),
      ...(hire ? { contractType: formText(body.contractType), startDate: formText(body.startDate) } : {}),
    };
    await pageAction(this.web, req, {
      labels: FIELD_LABELS,
      run: async () => this.outcomes.recordByEmployer(employer, meetingId, await formDto(RecordOutcomeDto, input)),
      done: () => res.redirect(303, outcomesPath(eventId, '?enregistre=1')),
      refused: (problem) => {
        const values = Object.fromEntries(
          ['kind', 'date', 'contractType', 'startDate'].map((k) => [k, formText(body[k]) ?? '']),
        );
        const error: OutcomeFormError = { meetingId, message: problem.message, details: problem.details, values };
        return this.render(employer, req, res, { error }, problem.status);
      },
    });
  }

  private async render(
    employer: EmployerPrincipal,
    req: Request,
    res: Response,
    state: { saved?: boolean; error?: OutcomeFormError },
    status = 200,
  ): Promise<void> {
    const [view, meetings] = [await this.booking.view(employer), await this.outcomes.employerMeetings(employer)];
    sendPage(
      res,
      <OutcomesPage
        view={view}
        meetings={meetings}
        csrf={this.web.csrfToken(req, res)}
        today={fieldDate(this.clock.now())}
        {...state}
      />,
      status,
    );
  }
}
