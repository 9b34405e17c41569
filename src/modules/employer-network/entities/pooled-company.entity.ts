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
import { Collective } from '../../structures/entities/collective.entity';
import { sizeBands, type SizeBand, sqlList } from '../employer-network-vocabulary';

/**
 * One establishment as a collective knows it, built by the pooling job from the records its SIAE shared. Its id stays
 * the same across runs (a new cluster takes over the pooled company it overlaps most), so the solicitation log and a
 * pause stay attached to the company. Its row is also the lock that serialises solicitations (see SolicitationService).
 */
@Entity('pooled_company')
@Index('IDX_pooled_company_collective', ['collectiveId'])
@Check('CK_pooled_company_size_band', `size_band IS NULL OR size_band IN (${sqlList(sizeBands)})`)
export class PooledCompany {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collective_id', type: 'uuid' })
  collectiveId: string;

  @ManyToOne(() => Collective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collective_id', foreignKeyConstraintName: 'FK_pooled_company_collective' })
  collective?: Collective;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'char', length: 14, nullable: true })
  siret: string | null;

  @Column({ type: 'char', length: 9, nullable: true })
  siren: string | null;

  @Column({ name: 'commune_code', type: 'varchar', length: 5, nullable: true })
  communeCode: string | null;

  @Column({ name: 'size_band', type: 'varchar', length: 6, nullable: true })
  sizeBand: SizeBand | null;

  /** The company asked not to be contacted before this date. */
  @Column({ name: 'paused_until', type: 'date', nullable: true })
  pausedUntil: string | null;

  @Column({ name: 'pause_reason', type: 'varchar', length: 300, nullable: true })
  pauseReason: string | null;

  /** Set when no shared record is left: the row stays for its solicitation history, hidden from the directory. */
  @Column({ name: 'dissolved_at', type: 'timestamptz', nullable: true })
  dissolvedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
