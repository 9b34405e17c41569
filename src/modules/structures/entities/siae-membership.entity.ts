import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../../platform/auth/user.entity';
import type { SiaeRole } from '../../../platform/auth/principal';
import { Siae } from './siae.entity';

/** A person's role in one SIAE. One role per person and SIAE keeps the access rules readable. */
@Entity('siae_membership')
@Index('UQ_siae_membership_user_siae', ['userId', 'siaeId'], { unique: true })
@Index('IDX_siae_membership_siae', ['siaeId'])
@Check('CK_siae_membership_role', `role IN ('direction', 'cip', 'charge_dev')`)
export class SiaeMembership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_siae_membership_user' })
  user?: User;

  @Column({ name: 'siae_id', type: 'uuid' })
  siaeId: string;

  @ManyToOne(() => Siae, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'siae_id', foreignKeyConstraintName: 'FK_siae_membership_siae' })
  siae?: Siae;

  @Column({ type: 'varchar', length: 20 })
  role: SiaeRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
