import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../../../platform/auth/user.entity';
import { Siae } from '../../structures/entities/siae.entity';
import type { CandidateStatus } from '../candidate-vocabulary';

/** What is kept after erasure: no identifier, only what the collective's impact figures need. */
export interface CandidateAnonymousStats {
  ageBand?: '<26' | '26-44' | '45-54' | '55+' | null;
  department?: string | null;
  targetDomains?: string[];
  softSkillCount?: number;
  skillCounts?: Partial<Record<'declared' | 'observed' | 'certified', number>>;
}

/**
 * The person's identity and contract, private to the candidate's SIAE. Nothing here is ever read by a query made for
 * another SIAE: those read `candidate_profile` and `candidate_target_job` only, which carry their own copy of `siae_id`.
 */
@Entity('candidate')
@Index('IDX_candidate_siae', ['siaeId', 'status'])
@Index('IDX_candidate_retention_due', ['leftAt'], { where: `erased_at IS NULL AND left_at IS NOT NULL` })
@Check('CK_candidate_status', `status IN ('in_parcours', 'left', 'hired_elsewhere')`)
@Check('CK_candidate_left_at', `(status = 'in_parcours') = (left_at IS NULL)`)
@Check(
  'CK_candidate_contract_dates',
  `contract_end IS NULL OR contract_start IS NULL OR contract_end >= contract_start`,
)
@Check(
  'CK_candidate_erased_fields',
  `erased_at IS NULL OR (birth_date IS NULL AND phone IS NULL AND email IS NULL AND address IS NULL)`,
)
export class Candidate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'siae_id', type: 'uuid' })
  siaeId: string;

  @ManyToOne(() => Siae, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'siae_id', foreignKeyConstraintName: 'FK_candidate_siae' })
  siae?: Siae;

  @Column({ name: 'referent_user_id', type: 'uuid', nullable: true })
  referentUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'referent_user_id', foreignKeyConstraintName: 'FK_candidate_referent_user' })
  referent?: User;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName: string;

  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ name: 'contract_start', type: 'date', nullable: true })
  contractStart: string | null;

  @Column({ name: 'contract_end', type: 'date', nullable: true })
  contractEnd: string | null;

  @Column({ type: 'varchar', length: 20, default: 'in_parcours' })
  status: CandidateStatus;

  @Column({ name: 'left_at', type: 'date', nullable: true })
  leftAt: string | null;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  /** Set when the person's data was erased (on request or by the retention job); the row stays for statistics. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @Column({ name: 'anonymous_stats', type: 'jsonb', nullable: true })
  anonymousStats: CandidateAnonymousStats | null;

  /** Set by the retention sweep when it queued the anonymisation, so a second sweep does not queue it again. */
  @Column({ name: 'retention_queued_at', type: 'timestamptz', nullable: true })
  retentionQueuedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
