import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EmployerLink } from './employer-link.entity';

/**
 * The short session a link is exchanged for (carried by an HttpOnly cookie). It lives at most as long as its link and
 * dies with it: every request re-reads the link, so revoking a link closes its open sessions at once.
 */
@Entity('employer_session')
@Index('UQ_employer_session_token_hash', ['tokenHash'], { unique: true })
@Index('IDX_employer_session_link', ['linkId'])
@Check('CHK_employer_session_expiry', `"expires_at" > "created_at"`)
export class EmployerSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'link_id', type: 'uuid' })
  linkId: string;

  @ManyToOne(() => EmployerLink, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'link_id', foreignKeyConstraintName: 'FK_employer_session_link' })
  link?: EmployerLink;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  // Written from the injected clock (not the database's now()) so expiry checks and tests agree on the instant.
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
