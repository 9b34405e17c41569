import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../../../../platform/auth/access.decorators';
import type { Principal } from '../../../../platform/auth/principal';
import { commonErrors } from '../../../../platform/errors/app-error';
import { ParseId } from '../../../../platform/errors/parse-id.pipe';
import { PageController } from '../../../../platform/web/page-controller';
import { formBody, staffPageAction, type FormProblem } from '../../../../platform/web/page-action';
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
const FIELD_LABELS: Record<string, string> = { presence: 'Présence', fromSlotId: 'Créneau de départ' };

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
    const principal = await this.staff.signedIn(req, res, checkInPath(eventId));
    if (!principal) return;
    const notice =
      done === 'replanification' ? 'Replanification lancée : le nouveau planning arrive dans un instant.' : undefined;
    await this.renderCheckIn(principal, eventId, text(q), req, res, { notice });
  }

  @Post(':eventId/accueil/candidats/:registrationId')
  async candidatePresence(
    @Param('eventId', ParseId) eventId: string,
    @Param('registrationId', ParseId) registrationId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const body = formBody(req);
    await this.act(eventId, req, res, backTo(eventId, body, `r-${registrationId}`), (principal) =>
      this.checkIn.setCandidatePresence(principal, eventId, registrationId, presenceIn(body)),
    );
  }

  @Post(':eventId/accueil/employeurs/:invitationId')
  async employerPresence(
    @Param('eventId', ParseId) eventId: string,
    @Param('invitationId', ParseId) invitationId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const body = formBody(req);
    await this.act(eventId, req, res, backTo(eventId, body, `i-${invitationId}`), (principal) =>
      this.checkIn.setEmployerPresence(principal, eventId, invitationId, presenceIn(body)),
    );
  }

  @Post(':eventId/accueil/employeurs/:invitationId/depart')
  async departure(
    @Param('eventId', ParseId) eventId: string,
    @Param('invitationId', ParseId) invitationId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const body = formBody(req);
    await this.act(eventId, req, res, backTo(eventId, body, `i-${invitationId}`), (principal) => {
      const fromSlotId = text(body.fromSlotId);
      if (!uuid.test(fromSlotId))
        throw commonErrors.validation([{ field: 'fromSlotId', problems: ['doit être un identifiant (UUID) valide'] }]);
      return this.checkIn.employerLeaves(principal, eventId, invitationId, fromSlotId);
    });
  }

  @Post(':eventId/accueil/replanification')
  async replan(@Param('eventId', ParseId) eventId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.act(eventId, req, res, `${checkInPath(eventId)}?fait=replanification`, (principal) =>
      this.replanning.request(principal, eventId),
    );
  }

  @Get(':eventId/direct')
  async livePage(@Param('eventId', ParseId) eventId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.staff.signedIn(req, res, `/equipe/evenements/${eventId}/direct`);
    if (!principal) return;
    sendPage(res, <LivePage live={await this.live.view(principal, eventId)} who={principal.email} />);
  }

  /**
   * One tap: CSRF first (403 without it), then the session (303 to the login without one), then the use case through
   * `pageAction`: a 303 back to the same search and card, or the check-in page again with the refusal, at its status.
   */
  private act(
    eventId: string,
    req: Request,
    res: Response,
    back: string,
    run: (principal: Principal) => Promise<unknown>,
  ): Promise<void> {
    return staffPageAction(this.staff, this.web, req, res, {
      page: checkInPath(eventId),
      labels: FIELD_LABELS,
      run,
      done: () => res.redirect(303, back),
      refused: (problem, principal) =>
        this.renderCheckIn(principal, eventId, text(formBody(req).q), req, res, { problem }),
    });
  }

  private async renderCheckIn(
    principal: Principal,
    eventId: string,
    search: string,
    req: Request,
    res: Response,
    shown: { notice?: string; problem?: FormProblem },
  ): Promise<void> {
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
        notice={shown.notice}
        problem={shown.problem}
      />,
      shown.problem?.status ?? 200,
    );
  }
}

const checkInPath = (eventId: string) => `/equipe/evenements/${eventId}/accueil`;

/** Back to the same search and the card just tapped (post/redirect/get). */
function backTo(eventId: string, body: Record<string, unknown>, anchor: string): string {
  const q = text(body.q);
  return `${checkInPath(eventId)}${q ? `?q=${encodeURIComponent(q)}` : ''}#${anchor}`;
}

function presenceIn(body: Record<string, unknown>): Presence {
  const value = body.presence;
  if (typeof value !== 'string' || !(presenceValues as readonly string[]).includes(value))
    throw commonErrors.validation([
      { field: 'presence', problems: [`doit être une des valeurs : ${presenceValues.join(', ')}`] },
    ]);
  return value as Presence;
}
