import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../../platform/auth/user.entity';
import { interactionKinds, type InteractionKind, sqlList } from '../employer-network-vocabulary';
import { CompanyContact } from './company-contact.entity';
import { Company } from './company.entity';

@Entity('company_interaction')
@Index('IDX_company_interaction_company', ['companyId', 'occurredOn'])
@Check('CK_company_interaction_kind', `kind IN (${sqlList(interactionKinds)})`)
export class CompanyInteraction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'FK_company_interaction_company' })
  company?: Company;

  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId: string | null;

  @ManyToOne(() => CompanyContact, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'FK_company_interaction_contact' })
  contact?: CompanyContact;

  @Column({ type: 'varchar', length: 20 })
  kind: InteractionKind;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ name: 'by_user_id', type: 'uuid', nullable: true })
  byUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'by_user_id', foreignKeyConstraintName: 'FK_company_interaction_by' })
  by?: User;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
