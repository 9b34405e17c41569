import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../../../platform/auth/user.entity';
import { CompanyInteraction } from '../../../employer-network/entities/company-interaction.entity';
import { contractTypes, type ContractType, sqlList } from '../../../employer-network/employer-network-vocabulary';
import { Event } from '../../entities/event.entity';
import { EventMeeting } from '../../planning/entities/event-meeting.entity';
import { outcomeAuthors, outcomeKinds, type OutcomeAuthor, type OutcomeKind } from '../outcomes-vocabulary';

/**
 * What followed one meeting of an event: nothing, a second interview, an immersion (PMSMP) or a hire (contract type and
 * first day). One per meeting (UQ_event_outcome_meeting): the first to record it — the employer or the candidate's
 * CIP — wins, the other is told who did. It is also an interaction of the pooled company credited to the candidate's
 * SIAE (`interaction_id`), which is what reciprocity counts.
 */
@Entity('event_outcome')
@Index('UQ_event_outcome_meeting', ['meetingId'], { unique: true })
@Index('IDX_event_outcome_event', ['eventId'])
@Check('CK_event_outcome_kind', `kind IN (${sqlList(outcomeKinds)})`)
@Check('CK_event_outcome_recorded_by', `recorded_by IN (${sqlList(outcomeAuthors)})`)
@Check('CK_event_outcome_contract_type', `contract_type IS NULL OR contract_type IN (${sqlList(contractTypes)})`)
@Check('CK_event_outcome_hire', `kind <> 'hire' OR (contract_type IS NOT NULL AND start_date IS NOT NULL)`)
@Check('CK_event_outcome_hire_only', `kind = 'hire' OR (contract_type IS NULL AND start_date IS NULL)`)
export class EventOutcome {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_outcome_event' })
  event?: Event;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => EventMeeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_event_outcome_meeting' })
  meeting?: EventMeeting;

  @Column({ type: 'varchar', length: 20 })
  kind: OutcomeKind;

  /** When it was decided (or, for a second interview or an immersion, when it takes place). */
  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ name: 'contract_type', type: 'varchar', length: 20, nullable: true })
  contractType: ContractType | null;

  /** A hire's first day. */
  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 10 })
  recordedBy: OutcomeAuthor;

  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by_user_id', foreignKeyConstraintName: 'FK_event_outcome_user' })
  recordedByUser?: User;

  @Column({ name: 'interaction_id', type: 'uuid', nullable: true })
  interactionId: string | null;

  @ManyToOne(() => CompanyInteraction, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'interaction_id', foreignKeyConstraintName: 'FK_event_outcome_interaction' })
  interaction?: CompanyInteraction;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
