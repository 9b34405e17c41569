import { Injectable } from '@nestjs/common';
import { doubleCsrf, DoubleCsrfUtilities } from 'csrf-csrf';
import type { Request, Response } from 'express';
import { createHmac } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { AppError } from '../errors/app-error';

export const csrfErrors = {
  invalid: () =>
    new AppError(
      'CSRF_TOKEN_INVALID',
      403,
      'Ce formulaire a expiré ou ne vient pas de Maillage : rechargez la page puis envoyez-le de nouveau.',
    ),
};

/** The form field and the header (for the little JavaScript and JSON clients) that carry the CSRF token. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Cookies and CSRF of the pages, decided once from the configuration. Behind https (PUBLIC_BASE_URL https://…) every
 * cookie is `Secure` and takes the `__Host-` prefix (no Domain, path /: a sibling sub-domain cannot plant one).
 *
 * CSRF: csrf-csrf's double-submit cookie, with the token's HMAC bound to the session cookie (its
 * `getSessionIdentifier`): stateless, so it needs no server-side session store and holds across N API processes,
 * and a token stolen from one session is worthless in another. csrf-sync (synchronizer pattern) would need
 * express-session and a store, which this API does not have.
 */
@Injectable()
export class WebSecurity {
  readonly secure: boolean;
  readonly employerCookie: string;
  readonly staffCookie: string;
  private readonly csrf: DoubleCsrfUtilities;

  constructor(config: AppConfig) {
    this.secure = config.PUBLIC_BASE_URL.startsWith('https:');
    const prefix = this.secure ? '__Host-' : '';
    this.employerCookie = `${prefix}maillage_employeur`;
    this.staffCookie = `${prefix}maillage_session`;
    // A key of its own, derived from the token secret: a CSRF HMAC can never be mistaken for a token hash.
    const secret = createHmac('sha256', config.TOKEN_SECRET).update('csrf').digest('hex');
    this.csrf = doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: (req) =>
        `${(req.cookies?.[this.employerCookie] as string | undefined) ?? ''}|${(req.cookies?.[this.staffCookie] as string | undefined) ?? ''}`,
      cookieName: `${prefix}maillage_csrf`,
      cookieOptions: { sameSite: 'lax', secure: this.secure, httpOnly: true, path: '/' },
      getCsrfTokenFromRequest: (req) => {
        const body = req.body as Record<string, unknown> | undefined;
        const fromBody = body && typeof body[CSRF_FIELD] === 'string' ? (body[CSRF_FIELD] as string) : undefined;
        return fromBody ?? req.header(CSRF_HEADER);
      },
    });
  }

  /** The token to put in a form (and the matching cookie on the response). */
  csrfToken(req: Request, res: Response): string {
    return this.csrf.generateCsrfToken(req, res);
  }

  /** Throws on unsafe methods without a valid token bound to the current session cookies. */
  assertCsrf(req: Request): void {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return;
    if (!this.csrf.validateRequest(req)) throw csrfErrors.invalid();
  }

  setSessionCookie(res: Response, name: string, token: string, expiresAt: Date): void {
    res.cookie(name, token, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/', expires: expiresAt });
  }

  clearSessionCookie(res: Response, name: string): void {
    res.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/' });
  }
}
