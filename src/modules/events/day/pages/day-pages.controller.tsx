import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../../../../platform/auth/access.decorators';
import { commonErrors } from '../../../../platform/errors/app-error';
import { ParseId } from '../../../../platform/errors/parse-id.pipe';
import { PageController } from '../../../../platform/web/page-controller';
import { sendPage } from '../../../../platform/web/render';
import { StaffSession } from '../../../../platform/web/staff-session';
import { WebSecurity } from '../../../../platform/web/web-security';
import { CheckInService } from '../check-in.service';
import { LiveViewService } from '../live-view.service';
import { presenceValues, type Presence } from '../presence';
import { ReplanningService } from '../replanning.service';
import { CheckInPage, LivePage } from './day-views';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 100) : '');

/**
 * The day's pages for the organisers (issue 15 §5, §8): check-in on a phone and the live view. Small pages, forms
 * without JavaScript (each tap is one POST answered by a 303 back to the same search), signed in through
 * /equipe/connexion; access and rules are the day's use cases', called with the page session's principal.
 */
@PageController('equipe/evenements')
@Public()
export class DayPagesController {
  constructor(
    private readonly staff: StaffSession,
    private readonly web: WebSecurity,
    private readonly checkIn: CheckInService,
    private readonly live: LiveViewService,
    private readonly replanning: ReplanningService,
  ) {}

  @Get(':eventId/accueil')
  async checkInPage(
    @Param('eventId', ParseId) eventId: string,
    @Query('q') q: unknown,
    @Query('fait') done: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const principal = await this.staff.principal(req);
    if (!principal) return res.redirect(303, this.staff.loginPath(`/equipe/evenements/${eventId}/accueil`));
    const search = text(q);
    const list = await this.checkIn.list(principal, eventId, search);
    const upcoming = (await this.checkIn.slotsNow(eventId)).upcoming.map((s) => ({
      id: s.id,
      position: s.position,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
    }));
    sendPage(
      res,
      <CheckInPage
        list={list}
        q={search}
        csrf={this.web.csrfToken(req, res)}
        who={principal.email}
        upcoming={upcoming}
        notice={
          done === 'replanification'
            ? 'Replanification lancée : le nouveau planning arrive dans un instant.'
            : undefined
        }
      />,
    );
  }

  @Post(':eventId/accueil/candidats/:registrationId')
  async candidatePresence(
    @Param('eventId', ParseId) eventId: string,
    @Param('registrationId', ParseId) registrationId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const principal = await this.signedIn(req, res, eventId);
    if (!principal) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    await this.checkIn.setCandidatePresence(principal, eventId, registrationId, presenceIn(body));
    this.back(res, eventId, body, `r-${registrationId}`);
  }

  @Post(':eventId/accueil/employeurs/:invitationId')
  async employerPresence(
    @Param('eventId', ParseId) eventId: string,
    @Param('invitationId', ParseId) invitationId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const principal = await this.signedIn(req, res, eventId);
    if (!principal) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    await this.checkIn.setEmployerPresence(principal, eventId, invitationId, presenceIn(body));
    this.back(res, eventId, body, `i-${invitationId}`);
  }

  @Post(':eventId/accueil/employeurs/:invitationId/depart')
  async departure(
    @Param('eventId', ParseId) eventId: string,
    @Param('invitationId', ParseId) invitationId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const principal = await this.signedIn(req, res, eventId);
    if (!principal) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const fromSlotId = text(body.fromSlotId);
    if (!uuid.test(fromSlotId))
      throw commonErrors.validation([{ field: 'fromSlotId', problems: ['doit être un identifiant (UUID) valide'] }]);
    await this.checkIn.employerLeaves(principal, eventId, invitationId, fromSlotId);
    this.back(res, eventId, body, `i-${invitationId}`);
  }

  @Post(':eventId/accueil/replanification')
  async replan(@Param('eventId', ParseId) eventId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.signedIn(req, res, eventId);
    if (!principal) return;
    await this.replanning.request(principal, eventId);
    res.redirect(303, `/equipe/evenements/${eventId}/accueil?fait=replanification`);
  }

  @Get(':eventId/direct')
  async livePage(@Param('eventId', ParseId) eventId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.staff.principal(req);
    if (!principal) return res.redirect(303, this.staff.loginPath(`/equipe/evenements/${eventId}/direct`));
    sendPage(res, <LivePage live={await this.live.view(principal, eventId)} who={principal.email} />);
  }

  /** Writes check the CSRF token first (403 without it), then the session (303 to the login without one). */
  private async signedIn(req: Request, res: Response, eventId: string) {
    this.web.assertCsrf(req);
    const principal = await this.staff.principal(req);
    if (!principal) res.redirect(303, this.staff.loginPath(`/equipe/evenements/${eventId}/accueil`));
    return principal;
  }

  private back(res: Response, eventId: string, body: Record<string, unknown>, anchor: string): void {
    const q = text(body.q);
    res.redirect(303, `/equipe/evenements/${eventId}/accueil${q ? `?q=${encodeURIComponent(q)}` : ''}#${anchor}`);
  }
}

function presenceIn(body: Record<string, unknown>): Presence {
  const value = body.presence;
  if (typeof value !== 'string' || !(presenceValues as readonly string[]).includes(value))
    throw commonErrors.validation([
      { field: 'presence', problems: [`doit être une des valeurs : ${presenceValues.join(', ')}`] },
    ]);
  return value as Presence;
}
