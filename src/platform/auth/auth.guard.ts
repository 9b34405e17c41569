import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { commonErrors } from '../errors/app-error';
import { ALLOWED_ROLES, AuthenticatedRequest, PUBLIC_ROUTE } from './access.decorators';
import { AuthService } from './auth.service';
import { AccessRole, holdsAnyRole } from './principal';

/** Global: every route needs a valid bearer token unless marked `@Public()`, and one of its `@Allow` roles if any. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.header('authorization') ?? '';
    const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header);
    if (!match) throw commonErrors.unauthenticated();
    request.principal = await this.auth.authenticate(match[1]);
    const roles = this.reflector.getAllAndOverride<AccessRole[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !holdsAnyRole(request.principal, roles)) throw commonErrors.forbidden({ requiredRoles: roles });
    return true;
  }
}
