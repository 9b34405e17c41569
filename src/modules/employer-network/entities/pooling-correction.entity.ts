import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Collective } from '../../structures/entities/collective.entity';
import { Company } from './company.entity';

/**
 * A human decision the pooling must respect on every later run: two records are one establishment (merge) or never
 * (split). Stored as an ordered pair so that one decision per pair holds; the latest decision replaces the earlier one.
 */
@Entity('pooling_correction')
@Index('UQ_pooling_correction_pair', ['collectiveId', 'companyAId', 'companyBId'], { unique: true })
@Check('CK_pooling_correction_kind', `kind IN ('merge', 'split')`)
@Check('CK_pooling_correction_order', 'company_a_id < company_b_id')
export class PoolingCorrection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collective_id', type: 'uuid' })
  collectiveId: string;

  @ManyToOne(() => Collective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collective_id', foreignKeyConstraintName: 'FK_pooling_correction_collective' })
  collective?: Collective;

  @Column({ type: 'varchar', length: 5 })
  kind: 'merge' | 'split';

  @Column({ name: 'company_a_id', type: 'uuid' })
  companyAId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_a_id', foreignKeyConstraintName: 'FK_pooling_correction_company_a' })
  companyA?: Company;

  @Column({ name: 'company_b_id', type: 'uuid' })
  companyBId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_b_id', foreignKeyConstraintName: 'FK_pooling_correction_company_b' })
  companyB?: Company;

  @Column({ name: 'by_user_id', type: 'uuid', nullable: true })
  byUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
