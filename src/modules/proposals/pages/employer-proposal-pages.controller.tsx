import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError } from '../../../platform/errors/app-error';
import { createValidationPipe, type FieldProblem } from '../../../platform/errors/validation';
import { CurrentEmployer, EmployerRoute } from '../../../platform/links/employer-session.guard';
import { assertScope, type EmployerPrincipal } from '../../../platform/links/links.service';
import { PageController } from '../../../platform/web/page-controller';
import { sendPage } from '../../../platform/web/render';
import { WebSecurity } from '../../../platform/web/web-security';
import { formList } from '../../events/pages/page-format';
import { InterviewRequestDto, OutcomeDto, RefusalDto } from '../dto/proposal.dto';
import { ProposalAnswersService } from '../proposal-answers.service';
import { proposalLink } from '../proposal-link';
import { type AnswerValues, type PageError, ProposalAnswerPage, proposalPath } from './employer-proposal-views';
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

/** Errors a page shows beside its forms; link and session errors go to the error page (PageExceptionFilter). */
function formError(error: unknown): (PageError & { status: number }) | undefined {
  if (!(error instanceof AppError) || error.status >= 500) return undefined;
  if (/^(EMPLOYER_LINK|EMPLOYER_SESSION|CSRF)/.test(error.code)) return undefined;
  const problems = Array.isArray(error.details) ? (error.details as FieldProblem[]) : [];
  const details = problems
    .filter((p) => p && typeof p.field === 'string' && Array.isArray(p.problems))
    .map((p) => `${FIELD_LABELS[p.field.split(/[.[]/)[0]] ?? p.field} : ${p.problems.join(', ')}`);
  return { status: error.status, message: error.message, details };
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/**
 * The employer's answer page of a proposal, from the link's landing to the outcome. Every route needs the session of a
 * `proposal` link (EmployerRoute: cookie + CSRF on posts) and checks the proposal in the address against it; each form
 * calls the use case of the JSON API, validated by the same DTO, then comes back to the page (303).
 */
@PageController('employeurs/propositions')
@EmployerRoute(proposalLink)
export class EmployerProposalPagesController {
  private readonly validation = createValidationPipe();

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
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values: AnswerValues = {
      form: 'rencontre',
      mode: text(body.mode),
      dates: formList(body.dates),
      note: text(body.note),
    };
    await this.submit(employer, req, res, values, async () => {
      const dto = (await this.validation.transform(
        {
          mode: values.mode,
          ...(values.mode === 'dates' ? { dates: values.dates!.map(parisLocalToIso) } : {}),
          note: values.note,
        },
        { type: 'body', metatype: InterviewRequestDto },
      )) as InterviewRequestDto;
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
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values: AnswerValues = { form: 'refus', reason: text(body.reason), text: text(body.text) };
    await this.submit(employer, req, res, values, async () => {
      const dto = (await this.validation.transform(
        { reason: values.reason, text: values.text },
        { type: 'body', metatype: RefusalDto },
      )) as RefusalDto;
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
    const body = (req.body ?? {}) as Record<string, unknown>;
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
      const dto = (await this.validation.transform(
        hired
          ? { outcome: 'hired', contractType: values.contractType, startDate: values.startDate }
          : { outcome: values.outcome, reason: values.reason, text: values.text },
        { type: 'body', metatype: OutcomeDto },
      )) as OutcomeDto;
      await this.answers.outcome(employer, dto);
    });
  }

  /** Runs one answer; on a refusal the page comes back with the error and what was typed, else 303 to the page. */
  private async submit(
    employer: EmployerPrincipal,
    req: Request,
    res: Response,
    values: AnswerValues,
    run: () => Promise<void>,
  ): Promise<void> {
    try {
      await run();
    } catch (error) {
      const shown = formError(error);
      if (!shown) throw error;
      const view = await this.answers.view(employer);
      sendPage(
        res,
        <ProposalAnswerPage view={view} csrf={this.web.csrfToken(req, res)} error={shown} values={values} />,
        shown.status,
      );
      return;
    }
    res.redirect(303, proposalPath(employer.scope.proposalId));
  }
}
