import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Collective } from '../../structures/entities/collective.entity';
import { Company } from './company.entity';

/**
 * A company record shared with a collective, with or without its contacts. Withdrawing sets `withdrawn_at`; rows stay as
 * the history of who shared what and when ("known since").
 */
@Entity('company_share')
@Index('UQ_company_share_active', ['companyId', 'collectiveId'], { unique: true, where: 'withdrawn_at IS NULL' })
@Index('IDX_company_share_collective', ['collectiveId'], { where: 'withdrawn_at IS NULL' })
@Check('CK_company_share_withdrawal', 'withdrawn_at IS NULL OR withdrawn_at >= shared_at')
export class CompanyShare {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'FK_company_share_company' })
  company?: Company;

  @Column({ name: 'collective_id', type: 'uuid' })
  collectiveId: string;

  @ManyToOne(() => Collective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collective_id', foreignKeyConstraintName: 'FK_company_share_collective' })
  collective?: Collective;

  @Column({ name: 'with_contacts', type: 'boolean' })
  withContacts: boolean;

  @Column({ name: 'shared_by_user_id', type: 'uuid', nullable: true })
  sharedByUserId: string | null;

  @Column({ name: 'shared_at', type: 'timestamptz' })
  sharedAt: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdrawn_by_user_id', type: 'uuid', nullable: true })
  withdrawnByUserId: string | null;
}
