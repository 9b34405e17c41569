import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EventInvitation } from './event-invitation.entity';
import { EventSlot } from './event-slot.entity';
import { Event } from './event.entity';

/**
 * One (table, slot) cell of the room taken by an employer. UQ_event_booking_cell is what makes double booking
 * impossible: two employers racing for the last cell both try to insert it and the database lets exactly one in.
 */
@Entity('event_booking')
@Index('UQ_event_booking_cell', ['eventId', 'slotId', 'tableNumber'], { unique: true })
@Index('IDX_event_booking_invitation', ['invitationId'])
@Check('CK_event_booking_table', `table_number >= 1`)
export class EventBooking {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_booking_event' })
  event?: Event;

  @Column({ name: 'invitation_id', type: 'uuid' })
  invitationId: string;

  @ManyToOne(() => EventInvitation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'FK_event_booking_invitation' })
  invitation?: EventInvitation;

  @Column({ name: 'slot_id', type: 'uuid' })
  slotId: string;

  @ManyToOne(() => EventSlot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'slot_id', foreignKeyConstraintName: 'FK_event_booking_slot' })
  slot?: EventSlot;

  @Column({ name: 'table_number', type: 'int' })
  tableNumber: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
