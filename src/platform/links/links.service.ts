import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { TokenHasher } from '../auth/token-hasher';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { EmployerLink } from './employer-link.entity';
import { EmployerSession } from './employer-session.entity';
import { LinkKind, linkKind, normaliseScope } from './link-kinds';
import { linkErrors } from './links.errors';

/** Who is behind an employer session: one link, its kind and scope. Nothing else is known about them. */
export interface EmployerPrincipal {
  sessionId: string;
  linkId: string;
  kind: string;
  scope: Record<string, string>;
  expiresAt: Date;
}

export interface IssuedLink {
  linkId: string;
  /** Shown once (in the e-mail), never stored. */
  token: string;
  /** The absolute address to put in the e-mail. */
  url: string;
  expiresAt: Date;
}

/** 32 random bytes in base64url: 256 bits, well over the 128 the brief asks for. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Issue, verify, revoke and exchange employer links. Modules call it inside their own transactions (`manager`). */
@Injectable()
export class LinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly hasher: TokenHasher,
  ) {}

  /** Pages outside /api: the link itself is `/lien/<token>`, exchanged then redirected to the kind's landing page. */
  urlFor(token: string): string {
    return `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/lien/${token}`;
  }

  async issue<K extends string>(
    kind: LinkKind<K>,
    scope: Record<K, string>,
    expiresAt: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<IssuedLink> {
    if (linkKind(kind.kind) !== (kind as LinkKind)) throw new Error(`link kind ${kind.kind} not declared`);
    const token = this.hasher.newToken();
    const inserted = await manager.insert(EmployerLink, {
      kind: kind.kind,
      scope: normaliseScope(kind, scope),
      tokenHash: this.hasher.hash(token),
      createdAt: this.clock.now(),
      expiresAt,
    });
    const linkId = (inserted.identifiers[0] as { id: string }).id;
    return { linkId, token, url: this.urlFor(token), expiresAt };
  }

  /** Revoking a link also ends its open sessions (they are checked against the link on every request). */
  async revoke(linkId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result = await manager.update(
      EmployerLink,
      { id: linkId, revokedAt: IsNull() },
      { revokedAt: this.clock.now() },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Every live link of one scope (e.g. when an organiser withdraws an invitation or re-sends a fresh link). */
  async revokeScope<K extends string>(
    kind: LinkKind<K>,
    scope: Record<K, string>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(EmployerLink)
      .set({ revokedAt: this.clock.now() })
      .where('kind = :kind AND scope = :scope::jsonb AND revoked_at IS NULL', {
        kind: kind.kind,
        scope: JSON.stringify(normaliseScope(kind, scope)),
      })
      .execute();
    return result.affected ?? 0;
  }

  /** The link a token opens, if it is live; throws a code-only error otherwise (see links.errors.ts). */
  async verify(token: string, manager: EntityManager = this.dataSource.manager): Promise<EmployerLink> {
    if (!TOKEN_SHAPE.test(token)) throw linkErrors.invalid();
    const link = await manager.findOneBy(EmployerLink, { tokenHash: this.hasher.hash(token) });
    if (!link || !linkKind(link.kind)) throw linkErrors.invalid();
    if (link.revokedAt) throw linkErrors.revoked();
    if (link.expiresAt <= this.clock.now()) throw linkErrors.expired();
    return link;
  }

  /**
   * Trades a link for a short session: the session token goes into an HttpOnly cookie, so the link's token can leave
   * the address bar (and the browser history, and Referer headers) right away.
   */
  async exchange(token: string): Promise<{ sessionToken: string; principal: EmployerPrincipal; landingPath: string }> {
    return this.dataSource.transaction(async (manager) => {
      const link = await this.verify(token, manager);
      const now = this.clock.now();
      const ttl = new Date(now.getTime() + this.config.EMPLOYER_SESSION_TTL_MINUTES * 60_000);
      const expiresAt = ttl < link.expiresAt ? ttl : link.expiresAt;
      const sessionToken = this.hasher.newToken();
      const inserted = await manager.insert(EmployerSession, {
        linkId: link.id,
        tokenHash: this.hasher.hash(sessionToken),
        createdAt: now,
        expiresAt,
      });
      await manager.update(EmployerLink, link.id, { lastUsedAt: now });
      const principal: EmployerPrincipal = {
        sessionId: (inserted.identifiers[0] as { id: string }).id,
        linkId: link.id,
        kind: link.kind,
        scope: link.scope,
        expiresAt,
      };
      return { sessionToken, principal, landingPath: linkKind(link.kind)!.landingPath(link.scope) };
    });
  }

  /** Read on every employer request: the session and its link in one statement, both must be live. */
  async authenticate(sessionToken: string): Promise<EmployerPrincipal> {
    if (!TOKEN_SHAPE.test(sessionToken)) throw linkErrors.sessionRequired();
    const rows: Array<{
      session_id: string;
      session_expires_at: Date;
      session_revoked_at: Date | null;
      link_id: string;
      kind: string;
      scope: Record<string, string>;
      link_expires_at: Date;
      link_revoked_at: Date | null;
    }> = await this.dataSource.query(
      `SELECT s.id AS session_id, s.expires_at AS session_expires_at, s.revoked_at AS session_revoked_at,
              l.id AS link_id, l.kind, l.scope, l.expires_at AS link_expires_at, l.revoked_at AS link_revoked_at
         FROM employer_session s JOIN employer_link l ON l.id = s.link_id
        WHERE s.token_hash = $1`,
      [this.hasher.hash(sessionToken)],
    );
    const row = rows[0];
    const now = this.clock.now();
    if (!row || row.session_revoked_at || row.session_expires_at <= now) throw linkErrors.sessionRequired();
    if (row.link_revoked_at) throw linkErrors.revoked();
    if (row.link_expires_at <= now) throw linkErrors.expired();
    return {
      sessionId: row.session_id,
      linkId: row.link_id,
      kind: row.kind,
      scope: row.scope,
      expiresAt: row.session_expires_at,
    };
  }

  async closeSession(sessionId: string): Promise<void> {
    await this.dataSource
      .getRepository(EmployerSession)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }
}

/**
 * The one scope check every employer route makes: the ids in the address must be the link's own. A mismatch answers
 * 404 without data, so another event's or company's ids cannot be probed.
 */
export function assertScope<K extends string>(
  principal: EmployerPrincipal,
  kind: LinkKind<K>,
  expected: Partial<Record<K, string>>,
): Record<K, string> {
  if (principal.kind !== kind.kind) throw linkErrors.outOfScope();
  for (const [key, value] of Object.entries(expected) as Array<[K, string | undefined]>) {
    if (value === undefined || principal.scope[key]?.toLowerCase() !== value.toLowerCase())
      throw linkErrors.outOfScope();
  }
  return principal.scope as Record<K, string>;
}
