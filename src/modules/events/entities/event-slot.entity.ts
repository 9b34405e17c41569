import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Event } from './event.entity';

/** One interview slot of an event, derived from its windows (see `deriveSlots`) and stored. */
@Entity('event_slot')
@Index('UQ_event_slot_position', ['eventId', 'position'], { unique: true })
@Check('CK_event_slot_times', `ends_at > starts_at`)
export class EventSlot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_slot_event' })
  event?: Event;

  /** 1, 2, 3… in time order across the windows. */
  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;
}
