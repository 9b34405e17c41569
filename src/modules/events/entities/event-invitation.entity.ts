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
import { CompanyContact } from '../../employer-network/entities/company-contact.entity';
import { Company } from '../../employer-network/entities/company.entity';
import { PooledCompany } from '../../employer-network/entities/pooled-company.entity';
import { accommodations, type Accommodation } from '../../employer-network/employer-network-vocabulary';
import { invitationStatuses, sqlList, type InvitationStatus } from '../events-vocabulary';
import { Event } from './event.entity';

/**
 * A pooled company invited to an event, through one of its shared contacts, and what it answered: the employer's side
 * of the event (participation, tables, maximum interviews, accommodations) lives on this row. The personal links are
 * platform links (`employer_link`, kind `event_company`, scope = this row's event and pooled company): their hash,
 * expiry and revocation live there only.
 */
@Entity('event_invitation')
@Index('UQ_event_invitation_company', ['eventId', 'pooledCompanyId'], { unique: true })
@Index('IDX_event_invitation_relaunch_due', ['relaunchDueAt'], { where: `status = 'sent' AND relaunched_at IS NULL` })
@Check('CK_event_invitation_status', `status IN (${sqlList(invitationStatuses)})`)
@Check('CK_event_invitation_tables', `tables_wanted IS NULL OR tables_wanted BETWEEN 1 AND 20`)
@Check('CK_event_invitation_max_interviews', `max_interviews IS NULL OR max_interviews BETWEEN 1 AND 100`)
// The day (events/day): present or absent, never both; an employer leaves only after arriving; confirmed ones only.
@Check('CK_event_invitation_presence', `checked_in_at IS NULL OR absent_at IS NULL`)
@Check('CK_event_invitation_left', `left_at IS NULL OR checked_in_at IS NOT NULL`)
@Check(
  'CK_event_invitation_presence_confirmed',
  `status = 'confirmed' OR (checked_in_at IS NULL AND absent_at IS NULL AND left_at IS NULL)`,
)
@Check('CK_event_invitation_accommodations', `accommodations <@ ARRAY[${sqlList(accommodations)}]::varchar[]`)
export class EventInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_invitation_event' })
  event?: Event;

  @Column({ name: 'pooled_company_id', type: 'uuid' })
  pooledCompanyId: string;

  @ManyToOne(() => PooledCompany, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pooled_company_id', foreignKeyConstraintName: 'FK_event_invitation_pooled_company' })
  pooledCompany?: PooledCompany;

  /** The company record (of one SIAE) holding the contact: hiring needs brought to the event are created there. */
  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'FK_event_invitation_company' })
  company?: Company;

  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId: string | null;

  @ManyToOne(() => CompanyContact, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'FK_event_invitation_contact' })
  contact?: CompanyContact;

  @Column({ type: 'varchar', length: 10, default: 'sent' })
  status: InvitationStatus;

  @Column({ name: 'solicitation_id', type: 'uuid', nullable: true })
  solicitationId: string | null;

  @Column({ name: 'invited_by_user_id', type: 'uuid', nullable: true })
  invitedByUserId: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;

  /** When the one automatic relaunch is due if nobody answered (the sweep selects due and not done). */
  @Column({ name: 'relaunch_due_at', type: 'timestamptz' })
  relaunchDueAt: Date;

  @Column({ name: 'relaunched_at', type: 'timestamptz', nullable: true })
  relaunchedAt: Date | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'decline_reason', type: 'varchar', length: 500, nullable: true })
  declineReason: string | null;

  @Column({ name: 'tables_wanted', type: 'int', nullable: true })
  tablesWanted: number | null;

  @Column({ name: 'max_interviews', type: 'int', nullable: true })
  maxInterviews: number | null;

  @Column({ type: 'varchar', length: 20, array: true, default: () => `'{}'` })
  accommodations: Accommodation[];

  /** The day (events/day): when the employer was checked in; null = not recorded. */
  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  /** The day: when the organiser recorded the employer as absent; null = not recorded. */
  @Column({ name: 'absent_at', type: 'timestamptz', nullable: true })
  absentAt: Date | null;

  /** The day: the start of the first slot the employer is no longer there for (left early); null = stays. */
  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
