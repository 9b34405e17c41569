import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { preferredChannels, type PreferredChannel, sqlList } from '../employer-network-vocabulary';
import { Company } from './company.entity';

/** A person at a company. Phone and e-mail are also stored normalised (E.164, lower case) to merge people across SIAE. */
@Entity('company_contact')
@Index('IDX_company_contact_company', ['companyId'])
@Check(
  'CK_company_contact_channel',
  `preferred_channel IS NULL OR preferred_channel IN (${sqlList(preferredChannels)})`,
)
export class CompanyContact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'FK_company_contact_company' })
  company?: Company;

  @Column({ name: 'first_name', type: 'varchar', length: 100, nullable: true })
  firstName: string | null;

  @Column({ name: 'last_name', type: 'varchar', length: 100, nullable: true })
  lastName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  role: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ name: 'email_normalised', type: 'varchar', length: 254, nullable: true })
  emailNormalised: string | null;

  @Column({ name: 'phone_e164', type: 'varchar', length: 16, nullable: true })
  phoneE164: string | null;

  @Column({ name: 'preferred_channel', type: 'varchar', length: 5, nullable: true })
  preferredChannel: PreferredChannel | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
