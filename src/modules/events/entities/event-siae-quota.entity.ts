import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Siae } from '../../structures/entities/siae.entity';
import { Event } from './event.entity';

/**
 * The places of one SIAE at one event and how many are taken. `used` only moves through a compare-and-set update
 * (`used = used + 1 WHERE used < places`), and CK_event_siae_quota_used is the last guard: two CIPs racing for the last
 * place cannot both get it, whatever the code above does.
 */
@Entity('event_siae_quota')
@Check('CK_event_siae_quota_used', `used >= 0 AND used <= places`)
@Check('CK_event_siae_quota_places', `places BETWEEN 0 AND 1000`)
export class EventSiaeQuota {
  @PrimaryColumn({ name: 'event_id', type: 'uuid', primaryKeyConstraintName: 'PK_event_siae_quota' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_siae_quota_event' })
  event?: Event;

  @PrimaryColumn({ name: 'siae_id', type: 'uuid', primaryKeyConstraintName: 'PK_event_siae_quota' })
  siaeId: string;

  @ManyToOne(() => Siae, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'siae_id', foreignKeyConstraintName: 'FK_event_siae_quota_siae' })
  siae?: Siae;

  @Column({ type: 'int' })
  places: number;

  @Column({ type: 'int', default: 0 })
  used: number;
}
