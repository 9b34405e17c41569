import type { RequestHandler } from 'express';
import helmet from 'helmet';

type HelmetCsp = Exclude<NonNullable<Parameters<typeof helmet>[0]>['contentSecurityPolicy'], boolean | undefined>;
/** One CSP directive: a list of sources, or `null` to drop it. A source may be a function of the request (nonces). */
export type CspDirectives = NonNullable<HelmetCsp['directives']>;

/**
 * The content security policy of every answer. The JSON API needs none of it, but the documentation page (/api/docs,
 * swagger-ui: its scripts are files served from 'self', its styles partly inline) and the server-rendered pages do.
 * `frame-ancestors 'none'`: no page of ours is meant to be framed (clickjacking of the employer pages).
 */
export const BASE_CSP_DIRECTIVES: CspDirectives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  // swagger-ui writes <style> blocks into its page.
  'style-src': ["'self'", "'unsafe-inline'"],
};

export interface SecurityHeadersOptions {
  production: boolean;
  /** Merged over BASE_CSP_DIRECTIVES (a directive given here replaces the base one; `null` removes it). */
  csp?: CspDirectives;
}

/**
 * Security headers of every answer (helmet): CSP, `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`
 * (employer links carry a token in their path: it must never leave in a Referer), HSTS and `upgrade-insecure-requests`
 * in production only (a developer's http://localhost would otherwise be upgraded to an https that does not exist).
 * Pages that need another policy (a nonce, a form posting elsewhere) can mount `securityHeaders` with their own `csp`
 * on their router, or call `helmet.contentSecurityPolicy` for one route: the last CSP header set wins.
 */
export function securityHeaders(options: SecurityHeadersOptions): RequestHandler {
  const directives: CspDirectives = { ...BASE_CSP_DIRECTIVES, ...options.csp };
  directives['upgrade-insecure-requests'] = options.production ? [] : null;
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    // The old header for browsers without frame-ancestors, saying the same thing.
    xFrameOptions: { action: 'deny' },
  }) as RequestHandler;
}
