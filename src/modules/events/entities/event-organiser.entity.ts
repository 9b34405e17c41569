import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../../platform/auth/user.entity';
import { Siae } from '../../structures/entities/siae.entity';
import { Event } from './event.entity';

/** A co-organiser named by a coordinator among the staff of the collective's member SIAE. */
@Entity('event_organiser')
@Index('UQ_event_organiser', ['eventId', 'userId'], { unique: true })
export class EventOrganiser {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_organiser_event' })
  event?: Event;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_event_organiser_user' })
  user?: User;

  /** The member SIAE through which the person organises (their membership there is re-checked on every use). */
  @Column({ name: 'siae_id', type: 'uuid' })
  siaeId: string;

  @ManyToOne(() => Siae, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'siae_id', foreignKeyConstraintName: 'FK_event_organiser_siae' })
  siae?: Siae;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
