import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Collective } from '../../structures/entities/collective.entity';

/**
 * A collective's solicitation budget, for every company (`size_key` 'any') or for one size band. Without a row the
 * default applies: at most 4 solicitations per 30 days and 1 per 7 days.
 */
@Entity('solicitation_budget')
@Index('UQ_solicitation_budget', ['collectiveId', 'sizeKey'], { unique: true })
@Check('CK_solicitation_budget_size', `size_key IN ('any', 'micro', 'small', 'medium', 'large')`)
@Check(
  'CK_solicitation_budget_limits',
  'max_per_30_days BETWEEN 0 AND 100 AND max_per_7_days BETWEEN 0 AND max_per_30_days',
)
export class SolicitationBudget {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collective_id', type: 'uuid' })
  collectiveId: string;

  @ManyToOne(() => Collective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collective_id', foreignKeyConstraintName: 'FK_solicitation_budget_collective' })
  collective?: Collective;

  @Column({ name: 'size_key', type: 'varchar', length: 6 })
  sizeKey: string;

  @Column({ name: 'max_per_30_days', type: 'int' })
  maxPer30Days: number;

  @Column({ name: 'max_per_7_days', type: 'int' })
  maxPer7Days: number;
}
