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

  // What the last run knew of this record, so that the next one re-links only what changed (linking/incremental.ts).
  // Null on rows written before incremental pooling: the next run is then a full one.
  @Column({ name: 'input_hash', type: 'varchar', length: 32, nullable: true })
  inputHash: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  fingerprint: string | null;

  @Column({ name: 'linking_keys', type: 'int', array: true, nullable: true })
  linkingKeys: number[] | null;

  /** The smallest record id of its link group: a change re-links whole groups. */
  @Column({ name: 'link_group', type: 'uuid', nullable: true })
  linkGroup: string | null;
}
