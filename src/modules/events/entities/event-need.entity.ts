import { Entity, Column, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { HiringNeed } from '../../employer-network/entities/hiring-need.entity';
import { EventInvitation } from './event-invitation.entity';

/** A hiring need an employer brings to the event: a row of the company's hiring needs, never a copy of one. */
@Entity('event_need')
@Index('UQ_event_need', ['invitationId', 'hiringNeedId'], { unique: true })
export class EventNeed {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'invitation_id', type: 'uuid' })
  invitationId: string;

  @ManyToOne(() => EventInvitation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'FK_event_need_invitation' })
  invitation?: EventInvitation;

  @Column({ name: 'hiring_need_id', type: 'uuid' })
  hiringNeedId: string;

  @ManyToOne(() => HiringNeed, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'hiring_need_id', foreignKeyConstraintName: 'FK_event_need_hiring_need' })
  hiringNeed?: HiringNeed;
}
