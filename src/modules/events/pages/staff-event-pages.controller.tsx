import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../../../platform/auth/access.decorators';
import { AuthService } from '../../../platform/auth/auth.service';
import { ParseId } from '../../../platform/errors/parse-id.pipe';
import { PageController } from '../../../platform/web/page-controller';
import { sendPage } from '../../../platform/web/render';
import { StaffSession } from '../../../platform/web/staff-session';
import { WebSecurity } from '../../../platform/web/web-security';
import { EventsService } from '../events.service';
import { InvitationsService } from '../invitations/invitations.service';
import { RegistrationsService } from '../registrations/registrations.service';
import { BookedCell, StaffEventPage } from './staff-views';

/**
 * The organisers' page of an event (issue 13 §7): registrations, quota per SIAE, employers invited / confirmed /
 * declined, tables × slots. Signed in through /equipe/connexion; access is the events use cases' own (organisers of
 * the event), so a page shows exactly what the JSON API would.
 */
@PageController('equipe')
@Public()
export class StaffEventPagesController {
  constructor(
    private readonly staff: StaffSession,
    private readonly auth: AuthService,
    private readonly web: WebSecurity,
    private readonly events: EventsService,
    private readonly invitations: InvitationsService,
    private readonly registrations: RegistrationsService,
    private readonly dataSource: DataSource,
  ) {}

  @Get('evenements/:eventId')
  async event(@Param('eventId', ParseId) eventId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.staff.principal(req);
    if (!principal) return res.redirect(303, this.staff.loginPath(`/equipe/evenements/${eventId}`));
    const event = await this.events.get(principal, eventId);
    const invitations = await this.invitations.list(principal, eventId);
    const registrations = await this.registrations.list(principal, eventId);
    // Read after the organiser check above (invitations.list): which company holds each booked cell.
    const cells: BookedCell[] = await this.dataSource.query(
      `SELECT b.slot_id AS "slotId", b.table_number AS "table", p.display_name AS "companyName"
         FROM event_booking b JOIN event_invitation i ON i.id = b.invitation_id
         JOIN pooled_company p ON p.id = i.pooled_company_id
        WHERE b.event_id = $1`,
      [eventId],
    );
    sendPage(
      res,
      <StaffEventPage
        event={event}
        invitations={invitations}
        registrations={registrations}
        cells={cells}
        who={principal.email}
        csrf={this.web.csrfToken(req, res)}
      />,
    );
  }

  @Post('deconnexion')
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    this.web.assertCsrf(req);
    const principal = await this.staff.principal(req);
    if (principal) await this.auth.logout(principal.tokenId);
    this.web.clearSessionCookie(res, this.web.staffCookie);
    res.redirect(303, '/equipe/connexion');
  }
}
