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
import { User } from '../../../platform/auth/user.entity';
import { Candidate } from '../../candidates/entities/candidate.entity';
import { CompanyContact } from '../../employer-network/entities/company-contact.entity';
import { Company } from '../../employer-network/entities/company.entity';
import { HiringNeed } from '../../employer-network/entities/hiring-need.entity';
import { PooledCompany } from '../../employer-network/entities/pooled-company.entity';
import { contractTypes, type ContractType } from '../../employer-network/employer-network-vocabulary';
import { RomeAppellation } from '../../referentials/entities/rome-appellation.entity';
import { Collective } from '../../structures/entities/collective.entity';
import { Siae } from '../../structures/entities/siae.entity';
import {
  expiryReasons,
  type ExpiryReason,
  interviewModes,
  type InterviewMode,
  proposalStatuses,
  type ProposalStatus,
  refusalReasons,
  type RefusalReason,
  sqlList,
} from '../proposals-vocabulary';

/**
 * A candidate proposed by a CIP of her SIAE to a hiring need of the pooled network (or spontaneously to a pooled
 * company, on an appellation), and what the employer answered. The dates on the row are what the sweeps select on
 * ("due and not done"); every change of status is also a `proposal_transition` row and an audit entry.
 */
@Entity('proposal')
@Index('UQ_proposal_candidate_need', ['candidateId', 'hiringNeedId'], {
  unique: true,
  where: 'hiring_need_id IS NOT NULL',
})
@Index('UQ_proposal_candidate_spontaneous', ['candidateId', 'pooledCompanyId', 'appellationCode'], {
  unique: true,
  where: `hiring_need_id IS NULL AND status IN ('sent', 'viewed', 'interview_planned')`,
})
@Index('IDX_proposal_pooled_company', ['pooledCompanyId', 'sentAt'])
@Index('IDX_proposal_siae', ['siaeId', 'status'])
@Index('IDX_proposal_unanswered', ['sentAt'], { where: `status IN ('sent', 'viewed')` })
@Check('CK_proposal_status', `status IN (${sqlList(proposalStatuses)})`)
@Check('CK_proposal_refusal_reason', `refusal_reason IS NULL OR refusal_reason IN (${sqlList(refusalReasons)})`)
@Check('CK_proposal_refusal_other', `refusal_reason IS DISTINCT FROM 'other' OR refusal_text IS NOT NULL`)
@Check('CK_proposal_interview_mode', `interview_mode IS NULL OR interview_mode IN (${sqlList(interviewModes)})`)
@Check('CK_proposal_expiry_reason', `expiry_reason IS NULL OR expiry_reason IN (${sqlList(expiryReasons)})`)
@Check('CK_proposal_contract', `contract_type IS NULL OR contract_type IN (${sqlList(contractTypes)})`)
@Check('CK_proposal_hire', `status <> 'accepted' OR (contract_type IS NOT NULL AND start_date IS NOT NULL)`)
export class Proposal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collective_id', type: 'uuid' })
  collectiveId: string;

  @ManyToOne(() => Collective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collective_id', foreignKeyConstraintName: 'FK_proposal_collective' })
  collective?: Collective;

  @Column({ name: 'pooled_company_id', type: 'uuid' })
  pooledCompanyId: string;

  @ManyToOne(() => PooledCompany, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pooled_company_id', foreignKeyConstraintName: 'FK_proposal_pooled_company' })
  pooledCompany?: PooledCompany;

  /** The record (of one SIAE) whose contact received the proposal: the need's company, or a shared record. */
  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'FK_proposal_company' })
  company?: Company;

  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId: string | null;

  @ManyToOne(() => CompanyContact, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'FK_proposal_contact' })
  contact?: CompanyContact;

  /** Null for a spontaneous proposal. */
  @Column({ name: 'hiring_need_id', type: 'uuid', nullable: true })
  hiringNeedId: string | null;

  @ManyToOne(() => HiringNeed, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'hiring_need_id', foreignKeyConstraintName: 'FK_proposal_hiring_need' })
  hiringNeed?: HiringNeed;

  @Column({ name: 'appellation_code', type: 'varchar', length: 10 })
  appellationCode: string;

  @ManyToOne(() => RomeAppellation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'appellation_code',
    referencedColumnName: 'code',
    foreignKeyConstraintName: 'FK_proposal_appellation',
  })
  appellation?: RomeAppellation;

  @Column({ name: 'candidate_id', type: 'uuid' })
  candidateId: string;

  @ManyToOne(() => Candidate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'FK_proposal_candidate' })
  candidate?: Candidate;

  /** The candidate's SIAE, which proposes. */
  @Column({ name: 'siae_id', type: 'uuid' })
  siaeId: string;

  @ManyToOne(() => Siae, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'siae_id', foreignKeyConstraintName: 'FK_proposal_siae' })
  siae?: Siae;

  @Column({ name: 'proposed_by_user_id', type: 'uuid', nullable: true })
  proposedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'proposed_by_user_id', foreignKeyConstraintName: 'FK_proposal_proposed_by' })
  proposedBy?: User;

  @Column({ name: 'solicitation_id', type: 'uuid', nullable: true })
  solicitationId: string | null;

  /** The CIP's short message to the employer (checked by SharedTextGuard: no identity). */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  message: string | null;

  /** The person agreed that her name and contact be given to an employer who asks to meet her (recorded by the CIP). */
  @Column({ name: 'reveal_identity', type: 'boolean', default: false })
  revealIdentity: boolean;

  @Column({ type: 'varchar', length: 20 })
  status: ProposalStatus;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;

  @Column({ name: 'viewed_at', type: 'timestamptz', nullable: true })
  viewedAt: Date | null;

  /** The employer's first answer (an interview asked for, or a refusal): the response time ends here. */
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'relaunched_at', type: 'timestamptz', nullable: true })
  relaunchedAt: Date | null;

  @Column({ name: 'cip_alerted_at', type: 'timestamptz', nullable: true })
  cipAlertedAt: Date | null;

  @Column({ name: 'link_expires_at', type: 'timestamptz' })
  linkExpiresAt: Date;

  @Column({ name: 'interview_mode', type: 'varchar', length: 10, nullable: true })
  interviewMode: InterviewMode | null;

  @Column({ name: 'interview_dates', type: 'timestamptz', array: true, default: () => `'{}'` })
  interviewDates: Date[];

  @Column({ name: 'employer_note', type: 'varchar', length: 1000, nullable: true })
  employerNote: string | null;

  @Column({ name: 'refusal_reason', type: 'varchar', length: 30, nullable: true })
  refusalReason: RefusalReason | null;

  @Column({ name: 'refusal_text', type: 'varchar', length: 500, nullable: true })
  refusalText: string | null;

  @Column({ name: 'contract_type', type: 'varchar', length: 20, nullable: true })
  contractType: ContractType | null;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Column({ name: 'expiry_reason', type: 'varchar', length: 20, nullable: true })
  expiryReason: ExpiryReason | null;

  @Column({ name: 'withdrawal_reason', type: 'varchar', length: 500, nullable: true })
  withdrawalReason: string | null;

  /** First time the employer was shown the candidate's identity (each showing is audited). */
  @Column({ name: 'identity_revealed_at', type: 'timestamptz', nullable: true })
  identityRevealedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
