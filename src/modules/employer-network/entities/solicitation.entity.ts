import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Siae } from '../../structures/entities/siae.entity';
import { solicitationKinds, type SolicitationKind, sqlList } from '../employer-network-vocabulary';
import { PooledCompany } from './pooled-company.entity';

/** One outreach to a pooled company, visible to the whole collective. `override_reason` marks a coordinator's override. */
@Entity('solicitation')
@Index('IDX_solicitation_company_time', ['pooledCompanyId', 'occurredAt'])
@Check('CK_solicitation_kind', `kind IN (${sqlList(solicitationKinds)})`)
export class Solicitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'pooled_company_id', type: 'uuid' })
  pooledCompanyId: string;

  @ManyToOne(() => PooledCompany, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pooled_company_id', foreignKeyConstraintName: 'FK_solicitation_pooled_company' })
  pooledCompany?: PooledCompany;

  @Column({ name: 'collective_id', type: 'uuid' })
  collectiveId: string;

  @Column({ name: 'siae_id', type: 'uuid', nullable: true })
  siaeId: string | null;

  @ManyToOne(() => Siae, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'siae_id', foreignKeyConstraintName: 'FK_solicitation_siae' })
  siae?: Siae;

  @Column({ name: 'by_user_id', type: 'uuid', nullable: true })
  byUserId: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind: SolicitationKind;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'override_reason', type: 'varchar', length: 500, nullable: true })
  overrideReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
