import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { commonErrors } from '../errors/app-error';
import { ALLOWED_ROLES, AuthenticatedRequest, PUBLIC_ROUTE } from './access.decorators';
import { authErrors } from './auth.errors';
import { AuthService } from './auth.service';
import { AccessRole, holdsAnyRole } from './principal';

/**
 * The token of an `Authorization: Bearer …` header. The scheme name is case-insensitive (RFC 7235 §2.1); no header or
 * another scheme means "not signed in", a Bearer header whose token cannot be one of ours means "invalid token".
 */
export function bearerToken(header: string | undefined): string {
  const match = /^bearer[ \t]+(\S*)[ \t]*$/i.exec(header ?? '');
  if (!match) throw commonErrors.unauthenticated();
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(match[1])) throw authErrors.invalidToken();
  return match[1];
}

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
    request.principal = await this.auth.authenticate(bearerToken(request.header('authorization')));
    const roles = this.reflector.getAllAndOverride<AccessRole[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !holdsAnyRole(request.principal, roles)) throw commonErrors.forbidden({ requiredRoles: roles });
    return true;
  }
}
