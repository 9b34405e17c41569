import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A personal link sent to an employer (a company contact who has no account). The token itself is never stored: only
 * its HMAC, so a copy of this table opens nothing. A link is scoped to one kind and one set of ids declared by the
 * module that issues it (an event's company, a proposal) and dies at `expires_at` or when revoked.
 */
@Entity('employer_link')
@Index('UQ_employer_link_token_hash', ['tokenHash'], { unique: true })
@Index('IDX_employer_link_scope', ['kind', 'scope'])
@Check('CHK_employer_link_kind', `"kind" ~ '^[a-z][a-z_]{1,39}$'`)
@Check('CHK_employer_link_scope_object', `jsonb_typeof("scope") = 'object'`)
@Check('CHK_employer_link_expiry', `"expires_at" > "created_at"`)
export class EmployerLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  /** The ids the link opens, e.g. `{ eventId, companyId }`; shape declared by the kind (see link-kinds.ts). */
  @Column({ type: 'jsonb' })
  scope: Record<string, string>;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  // Written from the injected clock (not the database's now()) so expiry checks and tests agree on the instant.
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** Last exchange for a session: lets a module tell "opened" from "never opened" without reading sessions. */
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
