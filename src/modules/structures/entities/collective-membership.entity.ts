import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Collective } from './collective.entity';
import { Siae } from './siae.entity';

export type CollectiveMembershipStatus = 'invited' | 'active' | 'declined' | 'left';

/**
 * An SIAE's place in a collective. Sharing rules read only `active` rows; the history (invited, declined, left) stays
 * so that a collective can tell who took part when.
 */
@Entity('collective_membership')
@Index('UQ_collective_membership_open', ['collectiveId', 'siaeId'], {
  unique: true,
  where: `status IN ('invited', 'active')`,
})
@Index('IDX_collective_membership_siae', ['siaeId', 'status'])
@Check('CK_collective_membership_status', `status IN ('invited', 'active', 'declined', 'left')`)
export class CollectiveMembership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collective_id', type: 'uuid' })
  collectiveId: string;

  @ManyToOne(() => Collective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collective_id', foreignKeyConstraintName: 'FK_collective_membership_collective' })
  collective?: Collective;

  @Column({ name: 'siae_id', type: 'uuid' })
  siaeId: string;

  @ManyToOne(() => Siae, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'siae_id', foreignKeyConstraintName: 'FK_collective_membership_siae' })
  siae?: Siae;

  @Column({ type: 'varchar', length: 10 })
  status: CollectiveMembershipStatus;

  @Column({ name: 'invited_by_user_id', type: 'uuid', nullable: true })
  invitedByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'joined_at', type: 'timestamptz', nullable: true })
  joinedAt: Date | null;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt: Date | null;
}
