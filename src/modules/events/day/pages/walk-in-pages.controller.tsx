import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../../../../platform/auth/access.decorators';
import type { Principal } from '../../../../platform/auth/principal';
import { ParseId } from '../../../../platform/errors/parse-id.pipe';
import { formBody, formDto, staffPageAction, type FormProblem } from '../../../../platform/web/page-action';
import { PageController } from '../../../../platform/web/page-controller';
import { sendPage } from '../../../../platform/web/render';
import { StaffSession } from '../../../../platform/web/staff-session';
import { WebSecurity } from '../../../../platform/web/web-security';
import { EventsService } from '../../events.service';
import { formInt } from '../../pages/page-format';
import { RegistrationsService } from '../../registrations/registrations.service';
import { WalkInDto } from '../dto/day.dto';
import { WalkInsService } from '../walk-ins.service';
import { WalkInPage } from './day-views';

const walkInPath = (eventId: string) => `/equipe/evenements/${eventId}/sur-place`;
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/**
 * The CIP's walk-in page (issue 15 §5): on the day, she registers one of her SIAE's consented candidates on the spot,
 * through the walk-ins use case of the JSON API (same rules: her SIAE's candidate, consent, places, event on the day).
 */
@PageController('equipe/evenements')
@Public()
export class WalkInPagesController {
  constructor(
    private readonly staff: StaffSession,
    private readonly web: WebSecurity,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly walkIns: WalkInsService,
  ) {}

  @Get(':eventId/sur-place')
  async page(
    @Param('eventId', ParseId) eventId: string,
    @Query('inscrite') registered: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const principal = await this.staff.signedIn(req, res, walkInPath(eventId));
    if (!principal) return;
    await this.render(principal, eventId, req, res, { registered: text(registered)?.slice(0, 100) });
  }

  @Post(':eventId/sur-place')
  async register(@Param('eventId', ParseId) eventId: string, @Req() req: Request, @Res() res: Response) {
    const body = formBody(req);
    await staffPageAction(this.staff, this.web, req, res, {
      page: walkInPath(eventId),
      labels: { candidateId: 'Candidat·e', maxInterviews: 'Nombre maximum d’entretiens' },
      run: async (principal) => {
        const dto = await formDto(WalkInDto, {
          candidateId: text(body.candidateId),
          maxInterviews: formInt(text(body.maxInterviews)),
        });
        return this.walkIns.register(principal, eventId, dto);
      },
      done: (walkIn) =>
        res.redirect(303, `${walkInPath(eventId)}?inscrite=${encodeURIComponent(walkIn.pseudonym || 'La personne')}`),
      refused: (problem, principal) => this.render(principal, eventId, req, res, { problem }),
    });
  }

  private async render(
    principal: Principal,
    eventId: string,
    req: Request,
    res: Response,
    shown: { registered?: string; problem?: FormProblem },
  ): Promise<void> {
    const event = await this.events.get(principal, eventId);
    const registrable = await this.registrations.registrable(principal, eventId);
    sendPage(
      res,
      <WalkInPage
        eventId={eventId}
        eventTitle={event.title}
        registrable={registrable}
        csrf={this.web.csrfToken(req, res)}
        who={principal.email}
        registered={shown.registered}
        problem={shown.problem}
      />,
      shown.problem?.status ?? 200,
    );
  }
}
