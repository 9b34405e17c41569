import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentEmployer, EmployerRoute } from '../../../platform/links/employer-session.guard';
import { assertScope, type EmployerPrincipal } from '../../../platform/links/links.service';
import { formBody, formDto, pageAction } from '../../../platform/web/page-action';
import { PageController } from '../../../platform/web/page-controller';
import { sendPage } from '../../../platform/web/render';
import { WebSecurity } from '../../../platform/web/web-security';
import { formList } from '../../events/pages/page-format';
import { InterviewRequestDto, OutcomeDto, RefusalDto } from '../dto/proposal.dto';
import { ProposalAnswersService } from '../proposal-answers.service';
import { proposalLink } from '../proposal-link';
import { type AnswerValues, ProposalAnswerPage, proposalPath } from './employer-proposal-views';
import { parisLocalToIso } from './proposal-page-format';

const FIELD_LABELS: Record<string, string> = {
  mode: 'Rencontre',
  dates: 'Dates d’entretien',
  note: 'Précisions',
  reason: 'Raison',
  text: 'Précision',
  outcome: 'Issue',
  contractType: 'Type de contrat',
  startDate: 'Date de début',
};

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/**
 * The employer's answer page of a proposal, from the link's landing to the outcome. Every route needs the session of a
 * `proposal` link (EmployerRoute: cookie + CSRF on posts) and checks the proposal in the address against it; each form
 * calls the use case of the JSON API, validated by the same DTO, then comes back to the page (303).
 */
@PageController('employeurs/propositions')
@EmployerRoute(proposalLink)
export class EmployerProposalPagesController {
  constructor(
    private readonly answers: ProposalAnswersService,
    private readonly web: WebSecurity,
  ) {}

  @Get(':proposalId')
  async show(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Param('proposalId') proposalId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    assertScope(employer, proposalLink, { proposalId });
    const view = await this.answers.view(employer);
    sendPage(res, <ProposalAnswerPage view={view} csrf={this.web.csrfToken(req, res)} />);
  }

  @Post(':proposalId/rencontre')
  async interview(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Param('proposalId') proposalId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    assertScope(employer, proposalLink, { proposalId });
    const body = formBody(req);
    const values: AnswerValues = {
      form: 'rencontre',
      mode: text(body.mode),
      dates: formList(body.dates),
      note: text(body.note),
    };
    await this.submit(employer, req, res, values, async () => {
      const dto = await formDto(InterviewRequestDto, {
        mode: values.mode,
        ...(values.mode === 'dates' ? { dates: values.dates!.map(parisLocalToIso) } : {}),
        note: values.note,
      });
      await this.answers.requestInterview(employer, dto);
    });
  }

  @Post(':proposalId/refus')
  async refuse(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Param('proposalId') proposalId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    assertScope(employer, proposalLink, { proposalId });
    const body = formBody(req);
    const values: AnswerValues = { form: 'refus', reason: text(body.reason), text: text(body.text) };
    await this.submit(employer, req, res, values, async () => {
      const dto = await formDto(RefusalDto, { reason: values.reason, text: values.text });
      await this.answers.refuse(employer, dto);
    });
  }

  @Post(':proposalId/issue')
  async outcome(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Param('proposalId') proposalId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    assertScope(employer, proposalLink, { proposalId });
    const body = formBody(req);
    const values: AnswerValues = {
      form: 'issue',
      outcome: text(body.outcome),
      contractType: text(body.contractType),
      startDate: text(body.startDate),
      reason: text(body.reason),
      text: text(body.text),
    };
    await this.submit(employer, req, res, values, async () => {
      const hired = values.outcome === 'hired';
      const dto = await formDto(
        OutcomeDto,
        hired
          ? { outcome: 'hired', contractType: values.contractType, startDate: values.startDate }
          : { outcome: values.outcome, reason: values.reason, text: values.text },
      );
      await this.answers.outcome(employer, dto);
    });
  }

  /**
   * One answer through `pageAction`: 303 back to the page, or, on a refusal the employer can act on (link and session
   * errors go to the error page), the page again with the problem, what was typed, at the problem's status.
   */
  private submit(
    employer: EmployerPrincipal,
    req: Request,
    res: Response,
    values: AnswerValues,
    run: () => Promise<void>,
  ): Promise<void> {
    return pageAction(this.web, req, {
      labels: FIELD_LABELS,
      run,
      done: () => res.redirect(303, proposalPath(employer.scope.proposalId)),
      refused: async (problem) => {
        const view = await this.answers.view(employer);
        sendPage(
          res,
          <ProposalAnswerPage view={view} csrf={this.web.csrfToken(req, res)} error={problem} values={values} />,
          problem.status,
        );
      },
    });
  }
}
