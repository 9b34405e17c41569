import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EventInvitation } from './event-invitation.entity';

/**
 * An employer's registration submit, remembered by its idempotency key with the answer it got: a repeated submit (a
 * double tap, a retry on a poor connection) gets the same answer and changes nothing. Written in the submit's own
 * transaction, so a submit that failed leaves no key behind.
 */
@Entity('event_booking_request')
@Index('UQ_event_booking_request_key', ['invitationId', 'idempotencyKey'], { unique: true })
export class EventBookingRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'invitation_id', type: 'uuid' })
  invitationId: string;

  @ManyToOne(() => EventInvitation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'FK_event_booking_request_invitation' })
  invitation?: EventInvitation;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 100 })
  idempotencyKey: string;

  @Column({ type: 'jsonb' })
  response: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
