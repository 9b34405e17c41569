import { Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ParseId } from '../../../../platform/errors/parse-id.pipe';
import { CurrentEmployer, EmployerRoute } from '../../../../platform/links/employer-session.guard';
import type { EmployerPrincipal } from '../../../../platform/links/links.service';
import { PageController } from '../../../../platform/web/page-controller';
import { sendPage } from '../../../../platform/web/render';
import { AgendasService } from '../agendas.service';
import { candidateAgendaLink } from '../candidate-link';
import { CandidateAgendaPage } from './candidate-agenda-views';

/** The page the candidate's personal link lands on (after the exchange, the token is out of the address bar). */
@PageController('agenda')
@EmployerRoute(candidateAgendaLink)
export class CandidateAgendaPagesController {
  constructor(private readonly agendas: AgendasService) {}

  @Get(':registrationId')
  async show(
    @CurrentEmployer() principal: EmployerPrincipal,
    @Param('registrationId', ParseId) registrationId: string,
    @Res() res: Response,
  ): Promise<void> {
    sendPage(res, <CandidateAgendaPage agenda={await this.agendas.forCandidateLink(principal, registrationId)} />);
  }
}
