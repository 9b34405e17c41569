import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../../platform/auth/user.entity';
import { Collective } from './collective.entity';
import { Siae } from './siae.entity';

export type InvitationStatus = 'pending' | 'accepted' | 'revoked';
/** `admin`: platform administration, issued only by the `create-admin` command (no SIAE nor collective). */
export type InvitationRole = 'direction' | 'cip' | 'charge_dev' | 'coordinator' | 'admin';

/**
 * An e-mail invitation to join an SIAE with a role, or a collective as coordinator. The link carries a random token;
 * only its HMAC is stored, so this table cannot be used to accept anything. Expiry is read from `expires_at`, not
 * stored as a status, so that no job has to flip rows at the right moment.
 */
@Entity('user_invitation')
@Index('UQ_user_invitation_token_hash', ['tokenHash'], { unique: true })
@Index('UQ_user_invitation_pending_siae', ['email', 'siaeId'], {
  unique: true,
  where: `status = 'pending' AND siae_id IS NOT NULL`,
})
@Index('UQ_user_invitation_pending_collective', ['email', 'collectiveId'], {
  unique: true,
  where: `status = 'pending' AND collective_id IS NOT NULL`,
})
@Index('UQ_user_invitation_pending_admin', ['email'], {
  unique: true,
  where: `status = 'pending' AND role = 'admin'`,
})
@Index('IDX_user_invitation_siae', ['siaeId', 'status'])
@Index('IDX_user_invitation_collective', ['collectiveId', 'status'])
@Check('CK_user_invitation_status', `status IN ('pending', 'accepted', 'revoked')`)
@Check('CK_user_invitation_email_lowercase', `email = lower(email)`)
@Check(
  'CK_user_invitation_target',
  `(siae_id IS NOT NULL AND collective_id IS NULL AND role IN ('direction', 'cip', 'charge_dev')) OR (collective_id IS NOT NULL AND siae_id IS NULL AND role = 'coordinator') OR (siae_id IS NULL AND collective_id IS NULL AND role = 'admin')`,
)
@Check('CK_user_invitation_accepted', `(status = 'accepted') = (accepted_at IS NOT NULL)`)
export class UserInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'siae_id', type: 'uuid', nullable: true })
  siaeId: string | null;

  @ManyToOne(() => Siae, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'siae_id', foreignKeyConstraintName: 'FK_user_invitation_siae' })
  siae?: Siae;

  @Column({ name: 'collective_id', type: 'uuid', nullable: true })
  collectiveId: string | null;

  @ManyToOne(() => Collective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collective_id', foreignKeyConstraintName: 'FK_user_invitation_collective' })
  collective?: Collective;

  @Column({ type: 'varchar', length: 20 })
  role: InvitationRole;

  @Column({ name: 'token_hash', type: 'char', length: 64, select: false })
  tokenHash: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: InvitationStatus;

  @Column({ name: 'invited_by_user_id', type: 'uuid', nullable: true })
  invitedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_user_id', foreignKeyConstraintName: 'FK_user_invitation_invited_by' })
  invitedBy?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'accepted_by_user_id', type: 'uuid', nullable: true })
  acceptedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accepted_by_user_id', foreignKeyConstraintName: 'FK_user_invitation_accepted_by' })
  acceptedBy?: User;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
