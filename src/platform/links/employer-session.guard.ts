import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiCookieAuth } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/access.decorators';
import { WebSecurity } from '../web/web-security';
import type { LinkKind } from './link-kinds';
import { linkErrors } from './links.errors';
import { EmployerPrincipal, LinksService } from './links.service';

const EMPLOYER_KINDS = 'employer:kinds';

export type EmployerRequest = Request & { employer?: EmployerPrincipal };

/**
 * Routes (pages or JSON) used by an employer through the session cookie of a link. The staff bearer guard lets them
 * through (`Public`); this guard requires a live session of one of the given kinds, and a CSRF token on every unsafe
 * method since the cookie is sent by the browser on its own. The handler still checks the ids in the address against
 * the session's scope with `assertScope`.
 */
export const EmployerRoute = (...kinds: LinkKind[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    Public(),
    SetMetadata(
      EMPLOYER_KINDS,
      kinds.map((k) => k.kind),
    ),
    UseGuards(EmployerSessionGuard),
    ApiCookieAuth('employer-session'),
  );

export const CurrentEmployer = createParamDecorator((_: unknown, context: ExecutionContext): EmployerPrincipal => {
  const request = context.switchToHttp().getRequest<EmployerRequest>();
  if (!request.employer) throw new Error('CurrentEmployer used outside an EmployerRoute');
  return request.employer;
});

@Injectable()
export class EmployerSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly links: LinksService,
    private readonly web: WebSecurity,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<EmployerRequest>();
    const token = request.cookies?.[this.web.employerCookie] as string | undefined;
    if (!token) throw linkErrors.sessionRequired();
    const principal = await this.links.authenticate(token);
    const kinds = this.reflector.getAllAndOverride<string[] | undefined>(EMPLOYER_KINDS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (kinds && kinds.length > 0 && !kinds.includes(principal.kind)) throw linkErrors.outOfScope();
    this.web.assertCsrf(request);
    request.employer = principal;
    return true;
  }
}
