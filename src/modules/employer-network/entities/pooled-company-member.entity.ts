import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Company } from './company.entity';
import { PooledCompany } from './pooled-company.entity';

/** A shared record inside a pooled company: one per (collective, record). */
@Entity('pooled_company_member')
@Index('UQ_pooled_company_member', ['collectiveId', 'companyId'], { unique: true })
@Index('IDX_pooled_company_member_pooled', ['pooledCompanyId'])
export class PooledCompanyMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'pooled_company_id', type: 'uuid' })
  pooledCompanyId: string;

  @ManyToOne(() => PooledCompany, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pooled_company_id', foreignKeyConstraintName: 'FK_pooled_company_member_pooled' })
  pooledCompany?: PooledCompany;

  @Column({ name: 'collective_id', type: 'uuid' })
  collectiveId: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'FK_pooled_company_member_company' })
  company?: Company;
}
