import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { CurrentEmployer, EmployerRoute } from '../../../platform/links/employer-session.guard';
import { assertScope, EmployerPrincipal } from '../../../platform/links/links.service';
import { formBody, formDto, pageAction } from '../../../platform/web/page-action';
import { PageController } from '../../../platform/web/page-controller';
import { sendPage } from '../../../platform/web/render';
import { WebSecurity } from '../../../platform/web/web-security';
import { ReferentialsSearch } from '../../referentials/referentials-search.service';
import { EmployerBookingService } from '../booking/employer-booking.service';
import { EmployerChoicesService } from '../booking/employer-choices.service';
import { eventCompanyLink } from '../booking/employer-link';
import { DeclineDto, EmployerRegistrationDto, MeetingRequestsDto } from '../dto/employer.dto';
import {
  ConfirmationPage,
  DeclinedPage,
  DeclinePage,
  employerPath,
  ProfilesPage,
  RegistrationPage,
} from './employer-views';
import { formInt, formList } from './page-format';

const FIELD_LABELS: Record<string, string> = {
  tables: 'Nombre de recruteur·ses',
  cells: 'Créneaux et tables',
  maxInterviews: 'Nombre maximum d’entretiens',
  accommodations: 'Aménagements',
  needs: 'Métiers',
  reason: 'Motif',
  pauseUntil: 'Date de fin de pause',
  requests: 'Candidat·es',
};

/**
 * The employer journey of a job dating, from the link's landing page to "inscription confirmée" (or a decline with a
 * pause). Every route needs the link's session (EmployerRoute: cookie + CSRF on posts) and checks the event in the
 * address against it; each form calls the same use case as the JSON API, validated by the same DTO.
 */
@PageController('employeurs/evenements')
@EmployerRoute(eventCompanyLink)
export class EmployerPagesController {
  constructor(
    private readonly booking: EmployerBookingService,
    private readonly choices: EmployerChoicesService,
    private readonly search: ReferentialsSearch,
    private readonly web: WebSecurity,
  ) {}

  @Get(':eventId')
  async show(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Param('eventId') eventId: string,
    @Query('metier') metier: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    assertScope(employer, eventCompanyLink, { eventId });
    const view = await this.booking.view(employer);
    const query = typeof metier === 'string' ? metier.trim().slice(0, 100) : '';
    const search = query.length >= 2 ? { query, results: await this.search.appellations(query, 8) } : undefined;
    sendPage(
      res,
      <RegistrationPage
        view={view}
        csrf={this.web.csrfToken(req, res)}
        idempotencyKey={randomUUID()}
        search={search}
      />,
    );
  }

  @Post(':eventId/inscription')
  async register(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Param('eventId') eventId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    assertScope(employer, eventCompanyLink, { eventId });
    const body = formBody(req);
    const values = {
      tables: typeof body.tables === 'string' ? body.tables : undefined,
      cells: formList(body.cells),
      maxInterviews: typeof body.maxInterviews === 'string' ? body.maxInterviews : undefined,
      accommodations: formList(body.accommodations),
      appellations: formList(body.appellations),
    };
    const key = typeof body.idempotencyKey === 'string' && /^[A-Za-z0-9_.:-]{8,100}$/.test(body.idempotencyKey);
    await pageAction(this.web, req, {
      labels: FIELD_LABELS,
      run: async () => {
        const dto = await formDto(EmployerRegistrationDto, {
          tables: formInt(values.tables),
          cells: values.cells.map((cell) => {
            const [slotId, table] = cell.split(':');
            return { slotId, table: formInt(table) };
          }),
          maxInterviews: formInt(values.maxInterviews),
          accommodations: values.accommodations,
          needs: values.appellations.map((code) => ({ appellationCode: code, positions: 1 })),
        });
        return this.booking.register(employer, dto, key ? (body.idempotencyKey as string) : undefined);
      },
      done: () => res.redirect(303, employerPath(eventId, '/candidats')),
      refused: async (shown) => {
        // The page comes back with what is free NOW: after a lost race, the remaining choice.
        const view = await this.booking.view(employer);
        sendPage(
          res,
          <RegistrationPage
            view={view}
            csrf={this.web.csrfToken(req, res)}
            idempotencyKey={randomUUID()}
            error={shown}
            values={{
              ...values,
              cells: values.cells.filter((c) => view.free.some((f) => `${f.slotId}:${f.table}` === c)),
            }}
          />,
          shown.status,
        );
      },
    });
  }

  @Get(':eventId/candidats')
  async profiles(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Param('eventId') eventId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    assertScope(employer, eventCompanyLink, { eventId });
    const view = await this.booking.view(employer);
    if (view.status !== 'confirmed') return res.redirect(303, employerPath(eventId));
    const profiles = await this.choices.profiles(employer);
    sendPage(res, <ProfilesPage view={view} profiles={profiles} csrf={this.web.csrfToken(req, res)} />);
  }

  @Post(':eventId/candidats')
  async saveProfiles(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Param('eventId') eventId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    assertScope(employer, eventCompanyLink, { eventId });
    const body = formBody(req);
    const priority = new Set(formList(body.priority));
    // "Prioritaire" alone means "je veux rencontrer" too.
    const ids = [...new Set([...formList(body.meet), ...priority])];
    await pageAction(this.web, req, {
      labels: FIELD_LABELS,
      run: async () => {
        const dto = await formDto(MeetingRequestsDto, {
          requests: ids.map((profileId) => ({ profileId, priority: priority.has(profileId) })),
        });
        return this.choices.saveRequests(employer, dto);
      },
      done: () => res.redirect(303, employerPath(eventId, '/confirmation')),
      refused: async (shown) => {
        const [view, profiles] = [await this.booking.view(employer), await this.choices.profiles(employer)];
        sendPage(
          res,
          <ProfilesPage view={view} profiles={profiles} csrf={this.web.csrfToken(req, res)} error={shown.message} />,
          shown.status,
        );
      },
    });
  }

  @Get(':eventId/confirmation')
  async confirmation(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Param('eventId') eventId: string,
    @Res() res: Response,
  ): Promise<void> {
    assertScope(employer, eventCompanyLink, { eventId });
    const view = await this.booking.view(employer);
    if (view.status !== 'confirmed') return res.redirect(303, employerPath(eventId));
    const requested = (await this.choices.profiles(employer)).filter((p) => p.requested).length;
    sendPage(res, <ConfirmationPage view={view} requested={requested} />);
  }

  @Get(':eventId/declin')
  async declineForm(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Param('eventId') eventId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    assertScope(employer, eventCompanyLink, { eventId });
    const view = await this.booking.view(employer);
    sendPage(res, <DeclinePage view={view} csrf={this.web.csrfToken(req, res)} />);
  }

  @Post(':eventId/declin')
  async decline(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Param('eventId') eventId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    assertScope(employer, eventCompanyLink, { eventId });
    const body = formBody(req);
    const values = {
      reason: typeof body.reason === 'string' ? body.reason : undefined,
      pauseUntil: typeof body.pauseUntil === 'string' ? body.pauseUntil : undefined,
    };
    await pageAction(this.web, req, {
      labels: FIELD_LABELS,
      run: async () => {
        const dto = await formDto(DeclineDto, {
          reason: values.reason?.trim() || undefined,
          pauseUntil: values.pauseUntil || undefined,
        });
        return this.booking.decline(employer, dto);
      },
      done: async (declined) => {
        const view = await this.booking.view(employer);
        sendPage(res, <DeclinedPage view={view} pausedUntil={declined.pausedUntil} />);
      },
      refused: async (shown) => {
        const view = await this.booking.view(employer);
        sendPage(
          res,
          <DeclinePage view={view} csrf={this.web.csrfToken(req, res)} error={shown} values={values} />,
          shown.status,
        );
      },
    });
  }
}
