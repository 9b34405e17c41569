import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../../../../platform/auth/access.decorators';
import type { Principal } from '../../../../platform/auth/principal';
import { ParseId } from '../../../../platform/errors/parse-id.pipe';
import {
  confirmed,
  ConfirmPage,
  formBody,
  formDto,
  staffPageAction,
  type FormProblem,
} from '../../../../platform/web/page-action';
import { PageController } from '../../../../platform/web/page-controller';
import { sendPage } from '../../../../platform/web/render';
import { StaffSession } from '../../../../platform/web/staff-session';
import { WebSecurity } from '../../../../platform/web/web-security';
import { InvitationsService } from '../../invitations/invitations.service';
import { EventsService } from '../../events.service';
import { formInt } from '../../pages/page-format';
import { LaunchPlanningDto } from '../dto/planning.dto';
import { PlanningRunsService } from '../planning-runs.service';
import { PublicationService } from '../publication.service';
import { ComparisonPage, planningDone, PlanningPage, type PlanningDoneKey } from './planning-views';

const planningPath = (eventId: string) => `/equipe/evenements/${eventId}/planning`;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The organiser's planning page (issue 15 §8): launch a run (computed by the worker), follow its progress (the page is
 * rendered on the server; a "Rafraîchir" link reloads it, no script), the current plan's status and gap, the grid of
 * tables × slots with pseudonyms, publication behind a confirmation page, and the comparison of two runs. Every action
 * is the use case the JSON API calls, with the page session's principal, so the page allows exactly what the API does.
 */
@PageController('equipe/evenements')
@Public()
export class PlanningPagesController {
  constructor(
    private readonly staff: StaffSession,
    private readonly web: WebSecurity,
    private readonly events: EventsService,
    private readonly runs: PlanningRunsService,
    private readonly publication: PublicationService,
    private readonly invitations: InvitationsService,
    private readonly dataSource: DataSource,
  ) {}

  @Get(':eventId/planning')
  async page(
    @Param('eventId', ParseId) eventId: string,
    @Query('fait') done: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const principal = await this.staff.signedIn(req, res, planningPath(eventId));
    if (!principal) return;
    const key = typeof done === 'string' && done in planningDone ? (done as PlanningDoneKey) : undefined;
    await this.render(principal, eventId, req, res, { done: key });
  }

  @Post(':eventId/planning/calculs')
  async launch(@Param('eventId', ParseId) eventId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const body = formBody(req);
    await this.act(eventId, req, res, 'lance', async (principal) => {
      const raw = typeof body.timeLimitSeconds === 'string' ? body.timeLimitSeconds : undefined;
      const dto = await formDto(LaunchPlanningDto, { timeLimitSeconds: formInt(raw) });
      return this.runs.launch(principal, eventId, dto);
    });
  }

  @Post(':eventId/planning/publication')
  async publish(@Param('eventId', ParseId) eventId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!confirmed(formBody(req))) {
      // Publishing tells every employer and CIP: asked once more, on a page of its own.
      this.web.assertCsrf(req);
      const principal = await this.staff.signedIn(req, res, planningPath(eventId));
      if (!principal) return;
      const plan = await this.runs.currentPlan(principal, eventId);
      return sendPage(
        res,
        <ConfirmPage
          title="Publier le planning"
          question={`Publier le planning de ${plan.meetings.length} entretiens ?`}
          consequence="Les rencontres sont annoncées : chaque employeur et chaque CIP concerné·e reçoit le planning. Après la publication, un nouveau calcul garde les rencontres annoncées."
          action={`${planningPath(eventId)}/publication`}
          fields={{}}
          csrf={this.web.csrfToken(req, res)}
          confirmLabel="Publier le planning"
          cancelHref={planningPath(eventId)}
          who={principal.email}
        />,
      );
    }
    await this.act(eventId, req, res, 'publie', (principal) => this.publication.publish(principal, eventId));
  }

  @Get(':eventId/planning/comparaison')
  async compare(
    @Param('eventId', ParseId) eventId: string,
    @Query('a') a: unknown,
    @Query('b') b: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const principal = await this.staff.signedIn(req, res, planningPath(eventId));
    if (!principal) return;
    // Not two run ids: back to the page, where the form offers the runs that can be compared.
    if (typeof a !== 'string' || typeof b !== 'string' || !uuid.test(a) || !uuid.test(b))
      return res.redirect(303, planningPath(eventId));
    const comparison = await this.runs.compare(principal, eventId, a, b);
    const event = await this.events.get(principal, eventId);
    const labels = await this.runs.labels(this.dataSource.manager, eventId);
    sendPage(res, <ComparisonPage event={event} comparison={comparison} labels={labels} who={principal.email} />);
  }

  /** Post/redirect/get: the planning page again with what was done, or with the refusal at its status. */
  private act(
    eventId: string,
    req: Request,
    res: Response,
    done: PlanningDoneKey,
    run: (principal: Principal) => Promise<unknown>,
  ): Promise<void> {
    return staffPageAction(this.staff, this.web, req, res, {
      page: planningPath(eventId),
      labels: { timeLimitSeconds: 'Temps de calcul maximal' },
      run,
      done: () => res.redirect(303, `${planningPath(eventId)}?fait=${done}`),
      refused: (problem, principal) => this.render(principal, eventId, req, res, { problem }),
    });
  }

  private async render(
    principal: Principal,
    eventId: string,
    req: Request,
    res: Response,
    shown: { done?: PlanningDoneKey; problem?: FormProblem },
  ): Promise<void> {
    // The plan first: it checks the caller organises the event (events-access) before anything else is read.
    const plan = await this.runs.currentPlan(principal, eventId);
    const runs = await this.runs.list(principal, eventId);
    const event = await this.events.get(principal, eventId);
    const cells = await this.invitations.bookedCells(principal, eventId);
    sendPage(
      res,
      <PlanningPage
        event={event}
        plan={plan}
        runs={runs}
        cells={cells}
        csrf={this.web.csrfToken(req, res)}
        who={principal.email}
        done={shown.done}
        problem={shown.problem}
      />,
      shown.problem?.status ?? 200,
    );
  }
}
