import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EventInvitation } from './event-invitation.entity';
import { EventRegistration } from './event-registration.entity';

/** An employer's "je veux rencontrer" (and "prioritaire") for an accepted candidate: a signal for the planning. */
@Entity('event_meeting_request')
@Index('UQ_event_meeting_request', ['invitationId', 'registrationId'], { unique: true })
export class EventMeetingRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'invitation_id', type: 'uuid' })
  invitationId: string;

  @ManyToOne(() => EventInvitation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'FK_event_meeting_request_invitation' })
  invitation?: EventInvitation;

  @Column({ name: 'registration_id', type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => EventRegistration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'FK_event_meeting_request_registration' })
  registration?: EventRegistration;

  @Column({ type: 'boolean', default: false })
  priority: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
