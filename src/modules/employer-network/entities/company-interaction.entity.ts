import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../../platform/auth/user.entity';
import { Siae } from '../../structures/entities/siae.entity';
import { Candidate } from '../../candidates/entities/candidate.entity';
import { interactionKinds, type InteractionKind, sqlList } from '../employer-network-vocabulary';
import { CompanyContact } from './company-contact.entity';
import { Company } from './company.entity';

/**
 * An exchange with a company (call, e-mail, visit, immersion hosted, hire, event attended), on the record of the SIAE
 * that owns it. It may be logged by that SIAE's staff or, on a shared record, by staff of another SIAE of the collective:
 * `by_siae_id` keeps in whose name it was logged (the pooled view has no interaction table of its own).
 */
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

  /** The SIAE in whose name the interaction was logged (the record's owner, or a partner of the collective). */
  @Column({ name: 'by_siae_id', type: 'uuid', nullable: true })
  bySiaeId: string | null;

  @ManyToOne(() => Siae, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'by_siae_id', foreignKeyConstraintName: 'FK_company_interaction_by_siae' })
  bySiae?: Siae;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  /**
   * The candidate an outcome is about (`hire`: required, checked to be a candidate of `by_siae_id`): reciprocity counts an
   * outcome only when it is tied to a candidate of the SIAE that records it. Never shown to other SIAE.
   */
  @Column({ name: 'candidate_id', type: 'uuid', nullable: true })
  candidateId: string | null;

  @ManyToOne(() => Candidate, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'FK_company_interaction_candidate' })
  candidate?: Candidate;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
