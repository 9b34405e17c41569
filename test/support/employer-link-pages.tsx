import { Body, Controller, Get, Module, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentEmployer, EmployerRoute } from '../../src/platform/links/employer-session.guard';
import { defineLinkKind } from '../../src/platform/links/link-kinds';
import { assertScope, EmployerPrincipal } from '../../src/platform/links/links.service';
import { CsrfField, Field, Notice } from '../../src/platform/web/components';
import { Layout } from '../../src/platform/web/layout';
import { PageController } from '../../src/platform/web/page-controller';
import { sendPage } from '../../src/platform/web/render';
import { WebSecurity } from '../../src/platform/web/web-security';

/**
 * A tiny employer page and JSON route of the tests' own, scoped like the job dating's (an event's company) and like
 * a proposal: the link mechanism and the page harness are tested before (and apart from) the domains that use them.
 */
export const testEventCompanyLink = defineLinkKind({
  kind: 'test_event_company',
  scopeKeys: ['eventId', 'companyId'],
  landingPath: (scope) => `/essai-employeur/${scope.eventId}/${scope.companyId}`,
});

export const testProposalLink = defineLinkKind({
  kind: 'test_proposal',
  scopeKeys: ['proposalId'],
  landingPath: (scope) => `/essai-employeur/propositions/${scope.proposalId}`,
});

@PageController('essai-employeur')
export class TestEmployerPageController {
  constructor(private readonly web: WebSecurity) {}

  @Get(':eventId/:companyId')
  @EmployerRoute(testEventCompanyLink)
  show(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Param('eventId') eventId: string,
    @Param('companyId') companyId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): void {
    assertScope(employer, testEventCompanyLink, { eventId, companyId });
    const csrf = this.web.csrfToken(req, res);
    sendPage(
      res,
      <Layout title="Votre participation" who="Entreprise invitée">
        <h1>Votre participation</h1>
        <Notice>
          <p>Votre lien est valable pour cet événement.</p>
        </Notice>
        <form method="post" action={`/essai-employeur/${eventId}/${companyId}`}>
          <CsrfField token={csrf} />
          <Field id="tables" label="Nombre de tables" hint="Entre 1 et 5.">
            <input id="tables" name="tables" type="number" min={1} max={5} aria-describedby="tables-hint" />
          </Field>
          <div class="actions">
            <button type="submit">Confirmer</button>
          </div>
        </form>
      </Layout>,
    );
  }

  @Post(':eventId/:companyId')
  @EmployerRoute(testEventCompanyLink)
  confirm(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Param('eventId') eventId: string,
    @Param('companyId') companyId: string,
    @Body() body: { tables?: string },
    @Res() res: Response,
  ): void {
    assertScope(employer, testEventCompanyLink, { eventId, companyId });
    sendPage(
      res,
      <Layout title="Inscription confirmée">
        <h1>Inscription confirmée</h1>
        <p>{`Tables : ${body.tables ?? '?'}`}</p>
      </Layout>,
    );
  }
}

@Controller('test-employer')
export class TestEmployerApiController {
  @Get('events/:eventId/companies/:companyId')
  @EmployerRoute(testEventCompanyLink)
  registration(
    @CurrentEmployer() employer: EmployerPrincipal,
    @Param('eventId') eventId: string,
    @Param('companyId') companyId: string,
  ): { eventId: string; companyId: string; secret: string } {
    const scope = assertScope(employer, testEventCompanyLink, { eventId, companyId });
    return { ...scope, secret: 'données de la participation' };
  }

  @Get('proposals/:proposalId')
  @EmployerRoute(testProposalLink)
  proposal(@CurrentEmployer() employer: EmployerPrincipal, @Param('proposalId') proposalId: string) {
    return { ...assertScope(employer, testProposalLink, { proposalId }), secret: 'données de la proposition' };
  }
}

@Module({ controllers: [TestEmployerPageController, TestEmployerApiController] })
export class TestEmployerPagesModule {}
