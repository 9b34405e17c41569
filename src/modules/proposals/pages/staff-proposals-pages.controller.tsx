import { Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../../../platform/auth/access.decorators';
import { PageController } from '../../../platform/web/page-controller';
import { sendPage } from '../../../platform/web/render';
import { StaffSession } from '../../../platform/web/staff-session';
import { WebSecurity } from '../../../platform/web/web-security';
import { ProposalListsService } from '../proposal-lists.service';
import { ProposalsService } from '../proposals.service';
import { proposalStatuses, type ProposalStatus } from '../proposals-vocabulary';
import { ReceivedProposalsPage, StaffProposalsPage } from './staff-proposals-views';

/**
 * The staff's lists of proposals, signed in through /equipe/connexion, each the same use case (and access rule) as its
 * JSON route (proposals.permissions.ts): the CIP's (`GET /api/proposals`, the proposals of the SIAE they work in) and
 * the chargé·e de développement's (`GET /api/proposals/received`, what the companies of the SIAE's network received).
 */
@PageController('equipe/propositions')
@Public()
export class StaffProposalsPagesController {
  constructor(
    private readonly staff: StaffSession,
    private readonly web: WebSecurity,
    private readonly proposals: ProposalsService,
    private readonly lists: ProposalListsService,
  ) {}

  @Get()
  async list(@Query('etat') etat: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.staff.principal(req);
    if (!principal) return res.redirect(303, this.staff.loginPath('/equipe/propositions'));
    const status = (proposalStatuses as readonly string[]).includes(etat ?? '') ? (etat as ProposalStatus) : undefined;
    const list = await this.proposals.list(principal, status);
    sendPage(
      res,
      <StaffProposalsPage list={list} status={status} who={principal.email} csrf={this.web.csrfToken(req, res)} />,
    );
  }

  @Get('recues')
  async received(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.staff.principal(req);
    if (!principal) return res.redirect(303, this.staff.loginPath('/equipe/propositions/recues'));
    const items = await this.lists.received(principal);
    sendPage(res, <ReceivedProposalsPage items={items} who={principal.email} csrf={this.web.csrfToken(req, res)} />);
  }
}
