import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Event } from './event.entity';

/** Every status move of an event, dated, with who made it (the audit log says it too, with the request id). */
@Entity('event_status_change')
@Index('IDX_event_status_change_event', ['eventId', 'changedAt'])
export class EventStatusChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_status_change_event' })
  event?: Event;

  @Column({ name: 'from_status', type: 'varchar', length: 10, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 10 })
  toStatus: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;

  @Column({ name: 'by_user_id', type: 'uuid', nullable: true })
  byUserId: string | null;
}
