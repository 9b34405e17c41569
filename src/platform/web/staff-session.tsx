import { Get, Injectable, Ip, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { AuthService } from '../auth/auth.service';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors/app-error';
import { CsrfField, Notice } from './components';
import { Layout } from './layout';
import { PageController } from './page-controller';
import { sendPage } from './render';
import { WebSecurity } from './web-security';

/** Only a page of the staff area may follow a login: never another site (open redirect). */
const safeNext = (next: unknown) =>
  typeof next === 'string' && /^\/equipe\/[A-Za-z0-9/_-]*$/.test(next) ? next : '/equipe/connexion';

/**
 * Staff pages sign in with the same accounts and sessions as the API (AuthService); the bearer token is kept in an
 * HttpOnly cookie instead of a header, so a page never handles it in script. Pages read it with `principal()`.
 */
@Injectable()
export class StaffSession {
  constructor(
    private readonly auth: AuthService,
    private readonly web: WebSecurity,
  ) {}

  /** The signed-in staff member, or null (expired, closed or absent session). */
  async principal(req: Request): Promise<Principal | null> {
    const token = req.cookies?.[this.web.staffCookie] as string | undefined;
    if (!token) return null;
    return this.auth.authenticate(token).catch(() => null);
  }

  /**
   * The signed-in staff member; without one, the answer is a 303 to the login, which brings her back to `page` (the
   * staff page she was on), and null: the caller has nothing left to do.
   */
  async signedIn(req: Request, res: Response, page: string): Promise<Principal | null> {
    const principal = await this.principal(req);
    if (!principal) res.redirect(303, this.loginPath(page));
    return principal;
  }

  loginPath(next: string): string {
    return `/equipe/connexion?suite=${encodeURIComponent(next)}`;
  }
}

function LoginPage({ csrf, next, error, email }: { csrf: string; next: string; error?: string; email?: string }) {
  return (
    <Layout title="Connexion">
      <h1>Connexion à Maillage</h1>
      {error ? (
        <Notice kind="error" title="Connexion impossible">
          <p>{error}</p>
        </Notice>
      ) : null}
      <form method="post" action="/equipe/connexion">
        <CsrfField token={csrf} />
        <input type="hidden" name="suite" value={next} />
        <div class="field">
          <label for="email">Adresse e-mail</label>
          <input id="email" name="email" type="email" autoComplete="username" required value={email ?? ''} />
        </div>
        <div class="field">
          <label for="password">Mot de passe</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <div class="actions">
          <button type="submit">Se connecter</button>
        </div>
      </form>
    </Layout>
  );
}

@PageController('equipe/connexion')
@Public()
export class StaffLoginController {
  constructor(
    private readonly auth: AuthService,
    private readonly web: WebSecurity,
  ) {}

  @Get()
  show(@Query('suite') next: string | undefined, @Req() req: Request, @Res() res: Response): void {
    sendPage(res, <LoginPage csrf={this.web.csrfToken(req, res)} next={safeNext(next)} />);
  }

  @Post()
  async login(@Ip() ip: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const email = typeof body.email === 'string' ? body.email.slice(0, 254) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 200) : '';
    const next = safeNext(body.suite);
    this.web.assertCsrf(req);
    try {
      const session = await this.auth.login(email, password, ip);
      this.web.setSessionCookie(res, this.web.staffCookie, session.token, session.expiresAt);
      res.redirect(303, next);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      sendPage(
        res,
        <LoginPage csrf={this.web.csrfToken(req, res)} next={next} error={error.message} email={email} />,
        error.status,
      );
    }
  }
}
