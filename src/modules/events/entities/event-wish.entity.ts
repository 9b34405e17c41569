import { Entity, Column, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EventInvitation } from './event-invitation.entity';
import { EventRegistration } from './event-registration.entity';

/** A candidate's wish (through their CIP) to meet an employer of the event: a signal for the planning. */
@Entity('event_wish')
@Index('UQ_event_wish', ['registrationId', 'invitationId'], { unique: true })
export class EventWish {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'registration_id', type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => EventRegistration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'FK_event_wish_registration' })
  registration?: EventRegistration;

  @Column({ name: 'invitation_id', type: 'uuid' })
  invitationId: string;

  @ManyToOne(() => EventInvitation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'FK_event_wish_invitation' })
  invitation?: EventInvitation;
}
