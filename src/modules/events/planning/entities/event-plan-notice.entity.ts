import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Event } from '../../entities/event.entity';

/**
 * One row per notification job of the plan (`events.plan.notify`, `events.plan.candidates-notify`,
 * `events.plan.employers-notify`), keyed by the job's id: written in the same transaction as the messages it sends, so
 * a job that runs twice (a worker lost after committing) sends them once.
 */
@Entity('event_plan_notice')
export class EventPlanNotice {
  /** The BullMQ job id (the outbox row's id). */
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_event_plan_notice' })
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_plan_notice_event' })
  event?: Event;

  @Column({ type: 'varchar', length: 20 })
  change: string;

  /**
   * How many messages the job sent: e-mails to CIPs (`events.plan.notify`; to employers too for a job queued before
   * `events.plan.employers-notify`), SMS and e-mails to candidates (`events.plan.candidates-notify`), or e-mails to
   * employers (`events.plan.employers-notify`).
   */
  @Column({ type: 'int' })
  messages: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
