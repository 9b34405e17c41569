import { Body, Controller, Get, HttpCode, Ip, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { PageController } from '../web/page-controller';
import { WebSecurity } from '../web/web-security';
import { CurrentEmployer, EmployerRoute } from './employer-session.guard';
import { linkKind } from './link-kinds';
import { LinkRateLimiter } from './link-rate-limiter';
import { EmployerSessionDto, ExchangeLinkDto } from './links.dto';
import { EmployerPrincipal, LinksService } from './links.service';

/** The address in the e-mail. Opening it opens a session and redirects at once, so the token leaves the address bar. */
@PageController('lien')
@Public()
export class LinkPageController {
  constructor(
    private readonly links: LinksService,
    private readonly limiter: LinkRateLimiter,
    private readonly web: WebSecurity,
  ) {}

  @Get(':token')
  async open(@Param('token') token: string, @Ip() ip: string, @Res() res: Response): Promise<void> {
    await this.limiter.consume(ip);
    const { sessionToken, principal, landingPath } = await this.links.exchange(token);
    this.web.setSessionCookie(res, this.web.employerCookie, sessionToken, principal.expiresAt);
    // 303: the next request is a GET of the landing page; the token is no longer in the history entry.
    res.redirect(303, landingPath);
  }
}

/** The same exchange for a JSON client (and the session it opened), under /api. */
@ApiTags('liens employeur')
@Controller('employer-links')
export class LinksApiController {
  constructor(
    private readonly links: LinksService,
    private readonly limiter: LinkRateLimiter,
    private readonly web: WebSecurity,
  ) {}

  /** Échange un lien personnel contre une session courte (cookie HttpOnly) ; limité par adresse IP. */
  @Post('exchange')
  @Public()
  @HttpCode(200)
  async exchange(
    @Body() body: ExchangeLinkDto,
    @Ip() ip: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EmployerSessionDto> {
    await this.limiter.consume(ip);
    const { sessionToken, principal, landingPath } = await this.links.exchange(body.token);
    this.web.setSessionCookie(res, this.web.employerCookie, sessionToken, principal.expiresAt);
    // The CSRF token is bound to the new session cookie, which this request did not carry yet.
    req.cookies = { ...(req.cookies as Record<string, string>), [this.web.employerCookie]: sessionToken };
    return this.describe(principal, landingPath, this.web.csrfToken(req, res));
  }

  /** La session employeur en cours : ce que le lien ouvre, jusqu'à quand ; limité par adresse IP. */
  @Get('session')
  @EmployerRoute()
  async session(
    @CurrentEmployer() principal: EmployerPrincipal,
    @Ip() ip: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EmployerSessionDto> {
    await this.limiter.consume(ip);
    const landingPath = linkKind(principal.kind)?.landingPath(principal.scope) ?? '/';
    return this.describe(principal, landingPath, this.web.csrfToken(req, res));
  }

  /** Ferme la session employeur (le lien reste valable pour en rouvrir une). */
  @Post('session/close')
  @EmployerRoute()
  @HttpCode(204)
  async close(
    @CurrentEmployer() principal: EmployerPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.links.closeSession(principal.sessionId);
    this.web.clearSessionCookie(res, this.web.employerCookie);
  }

  private describe(principal: EmployerPrincipal, landingPath: string, csrfToken: string): EmployerSessionDto {
    return { kind: principal.kind, scope: principal.scope, expiresAt: principal.expiresAt, csrfToken, landingPath };
  }
}
