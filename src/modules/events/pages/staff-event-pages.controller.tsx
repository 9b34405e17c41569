import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../../../platform/auth/access.decorators';
import { AuthService } from '../../../platform/auth/auth.service';
import type { Principal } from '../../../platform/auth/principal';
import { ParseId } from '../../../platform/errors/parse-id.pipe';
import {
  confirmed,
  ConfirmPage,
  formBody,
  formDto,
  staffPageAction,
  type FormProblem,
} from '../../../platform/web/page-action';
import { PageController } from '../../../platform/web/page-controller';
import { sendPage } from '../../../platform/web/render';
import { StaffSession } from '../../../platform/web/staff-session';
import { WebSecurity } from '../../../platform/web/web-security';
import { MoveQuotaDto } from '../dto/event.dto';
import { DecideRegistrationDto, RegisterCandidateDto } from '../dto/registration.dto';
import { EventsService } from '../events.service';
import { InvitationsService } from '../invitations/invitations.service';
import { RegistrationsService } from '../registrations/registrations.service';
import { formInt } from './page-format';
import { doneMessages, StaffEventPage, type DoneKey } from './staff-views';

const FIELD_LABELS: Record<string, string> = {
  candidateId: 'Candidat·e',
  maxInterviews: 'Nombre maximum d’entretiens',
  employerNote: 'Mot aux employeurs',
  fromSiaeId: 'Structure qui cède',
  toSiaeId: 'Structure qui reçoit',
  places: 'Places',
  decision: 'Décision',
};

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * The staff page of an event (issue 13 §7): registrations, quota per SIAE, employers invited / confirmed / declined,
 * tables × slots, and what organisers and CIPs do there, as forms that work without JavaScript (CSRF on each, a
 * confirmation page before a destructive one). Signed in through /equipe/connexion; every action is the events use
 * case the JSON API calls, with the page session's principal, so a page allows exactly what the API would.
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
  ) {}

  @Get('evenements/:eventId')
  async event(
    @Param('eventId', ParseId) eventId: string,
    @Query('fait') done: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const principal = await this.staff.signedIn(req, res, eventPath(eventId));
    if (!principal) return;
    const key = done && done in doneMessages ? (done as DoneKey) : undefined;
    await this.render(principal, eventId, req, res, { done: key });
  }

  @Post('evenements/:eventId/ouverture')
  async open(@Param('eventId', ParseId) eventId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.act(eventId, req, res, 'ouvert', (principal) => this.events.transition(principal, eventId, 'open'));
  }

  @Post('evenements/:eventId/inscriptions')
  async register(@Param('eventId', ParseId) eventId: string, @Req() req: Request, @Res() res: Response) {
    const body = formBody(req);
    await this.act(eventId, req, res, 'inscrite', async (principal) => {
      const dto = await formDto(RegisterCandidateDto, {
        candidateId: text(body.candidateId),
        maxInterviews: formInt(text(body.maxInterviews)),
        employerNote: text(body.employerNote),
        joinWaitlist: body.joinWaitlist === 'oui',
      });
      return this.registrations.register(principal, eventId, dto);
    });
  }

  @Post('evenements/:eventId/inscriptions/:registrationId/decision')
  async decide(
    @Param('eventId', ParseId) eventId: string,
    @Param('registrationId', ParseId) registrationId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const body = formBody(req);
    const decision = text(body.decision);
    if (decision === 'decline' && !confirmed(body)) {
      // Declining frees the place for the waitlist: asked once more, on a page of its own.
      this.web.assertCsrf(req);
      const principal = await this.staff.signedIn(req, res, eventPath(eventId));
      if (!principal) return;
      const registration = (await this.registrations.list(principal, eventId)).find((r) => r.id === registrationId);
      return sendPage(
        res,
        <ConfirmPage
          title="Refuser une inscription"
          question={`Refuser l’inscription de ${registration?.pseudonym ?? 'cette personne'} ?`}
          consequence="Sa place est libérée et proposée à la première personne de la liste d’attente de sa structure."
          action={`${eventPath(eventId)}/inscriptions/${registrationId}/decision`}
          fields={{ decision: 'decline' }}
          csrf={this.web.csrfToken(req, res)}
          confirmLabel="Refuser l’inscription"
          cancelHref={eventPath(eventId)}
          who={principal.email}
        />,
      );
    }
    const doneKey: Record<string, DoneKey> = { accept: 'acceptee', waitlist: 'attente', decline: 'refusee' };
    await this.act(eventId, req, res, doneKey[decision ?? ''] ?? 'acceptee', async (principal) => {
      const dto = await formDto(DecideRegistrationDto, { decision });
      return this.registrations.decide(principal, eventId, registrationId, dto);
    });
  }

  @Post('evenements/:eventId/places')
  async moveQuota(@Param('eventId', ParseId) eventId: string, @Req() req: Request, @Res() res: Response) {
    const body = formBody(req);
    await this.act(eventId, req, res, 'places', async (principal) => {
      const dto = await formDto(MoveQuotaDto, {
        fromSiaeId: text(body.fromSiaeId),
        toSiaeId: text(body.toSiaeId),
        places: formInt(text(body.places)),
      });
      return this.events.moveQuota(principal, eventId, dto);
    });
  }

  @Post('evenements/:eventId/invitations/:invitationId/revocation')
  async revoke(
    @Param('eventId', ParseId) eventId: string,
    @Param('invitationId', ParseId) invitationId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!confirmed(formBody(req))) {
      this.web.assertCsrf(req);
      const principal = await this.staff.signedIn(req, res, eventPath(eventId));
      if (!principal) return;
      const invitation = (await this.invitations.list(principal, eventId)).find((i) => i.id === invitationId);
      return sendPage(
        res,
        <ConfirmPage
          title="Désactiver un lien employeur"
          question={`Désactiver le lien de ${invitation?.companyName ?? 'cet employeur'} ?`}
          consequence="Le lien reçu par courriel et les sessions ouvertes avec lui cessent de fonctionner aussitôt ; l’invitation reste dans l’historique."
          action={`${eventPath(eventId)}/invitations/${invitationId}/revocation`}
          fields={{}}
          csrf={this.web.csrfToken(req, res)}
          confirmLabel="Désactiver le lien"
          cancelHref={eventPath(eventId)}
          who={principal.email}
        />,
      );
    }
    await this.act(eventId, req, res, 'lien', (principal) => this.invitations.revoke(principal, eventId, invitationId));
  }

  @Post('deconnexion')
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    this.web.assertCsrf(req);
    const principal = await this.staff.principal(req);
    if (principal) await this.auth.logout(principal.tokenId);
    this.web.clearSessionCookie(res, this.web.staffCookie);
    res.redirect(303, '/equipe/connexion');
  }

  /** Post/redirect/get: the event page again with what was done, or with the refusal at its status. */
  private act(
    eventId: string,
    req: Request,
    res: Response,
    done: DoneKey,
    run: (principal: Principal) => Promise<unknown>,
  ): Promise<void> {
    return staffPageAction(this.staff, this.web, req, res, {
      page: eventPath(eventId),
      labels: FIELD_LABELS,
      run,
      done: () => res.redirect(303, `${eventPath(eventId)}?fait=${done}`),
      refused: (problem, principal) => this.render(principal, eventId, req, res, { problem }),
    });
  }

  private async render(
    principal: Principal,
    eventId: string,
    req: Request,
    res: Response,
    shown: { done?: DoneKey; problem?: FormProblem },
  ): Promise<void> {
    const event = await this.events.get(principal, eventId);
    const registrations = await this.registrations.list(principal, eventId);
    const registrable = await this.registrations.registrable(principal, eventId);
    // Employers and the room are the organisers' (invitations.list refuses anyone else).
    const invitations = event.youOrganise ? await this.invitations.list(principal, eventId) : [];
    const cells = event.youOrganise ? await this.invitations.bookedCells(principal, eventId) : [];
    sendPage(
      res,
      <StaffEventPage
        event={event}
        invitations={invitations}
        registrations={registrations}
        registrable={registrable}
        cells={cells}
        who={principal.email}
        csrf={this.web.csrfToken(req, res)}
        done={shown.done}
        problem={shown.problem}
      />,
      shown.problem?.status ?? 200,
    );
  }
}

export const eventPath = (eventId: string) => `/equipe/evenements/${eventId}`;
