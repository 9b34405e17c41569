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
import { Candidate } from '../../candidates/entities/candidate.entity';
import { Siae } from '../../structures/entities/siae.entity';
import { registrationStatuses, sqlList, type RegistrationStatus } from '../events-vocabulary';
import { Event } from './event.entity';

/**
 * A candidate registered to an event by a CIP of their SIAE. `pending` and `accepted` hold one of the SIAE's places
 * (`event_siae_quota.used`); the waitlist is ordered by `waitlisted_at`.
 */
@Entity('event_registration')
@Index('UQ_event_registration_candidate', ['eventId', 'candidateId'], { unique: true })
@Index('IDX_event_registration_waitlist', ['eventId', 'siaeId', 'waitlistedAt'], { where: `status = 'waitlisted'` })
@Check('CK_event_registration_status', `status IN (${sqlList(registrationStatuses)})`)
@Check('CK_event_registration_max_interviews', `max_interviews BETWEEN 1 AND 20`)
@Check('CK_event_registration_waitlist', `status <> 'waitlisted' OR waitlisted_at IS NOT NULL`)
// The day (events/day): present or absent, never both; presence is recorded for accepted registrations only.
@Check('CK_event_registration_presence', `checked_in_at IS NULL OR absent_at IS NULL`)
@Check(
  'CK_event_registration_presence_accepted',
  `status = 'accepted' OR (checked_in_at IS NULL AND absent_at IS NULL)`,
)
export class EventRegistration {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_registration_event' })
  event?: Event;

  @Column({ name: 'candidate_id', type: 'uuid' })
  candidateId: string;

  @ManyToOne(() => Candidate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'FK_event_registration_candidate' })
  candidate?: Candidate;

  @Column({ name: 'siae_id', type: 'uuid' })
  siaeId: string;

  @ManyToOne(() => Siae, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'siae_id', foreignKeyConstraintName: 'FK_event_registration_siae' })
  siae?: Siae;

  @Column({ type: 'varchar', length: 10 })
  status: RegistrationStatus;

  /** Slots the candidate is there for; empty = the whole event. */
  @Column({ name: 'present_slot_ids', type: 'uuid', array: true, default: () => `'{}'` })
  presentSlotIds: string[];

  @Column({ name: 'max_interviews', type: 'int' })
  maxInterviews: number;

  /** The CIP's word to the employers (shown beside the pseudonymised profile): checked against identity on write. */
  @Column({ name: 'employer_note', type: 'varchar', length: 500, nullable: true })
  employerNote: string | null;

  @Column({ name: 'registered_by_user_id', type: 'uuid', nullable: true })
  registeredByUserId: string | null;

  @Column({ name: 'waitlisted_at', type: 'timestamptz', nullable: true })
  waitlistedAt: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true })
  decidedByUserId: string | null;

  /** The day (events/day): when the candidate was checked in on the spot; null = not recorded. */
  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  /** The day: when the organiser recorded the candidate as absent (a no-show); null = not recorded. */
  @Column({ name: 'absent_at', type: 'timestamptz', nullable: true })
  absentAt: Date | null;

  /** Registered on the spot by her CIP on the day (accepted and checked in at once). */
  @Column({ name: 'walk_in', type: 'boolean', default: false })
  walkIn: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
