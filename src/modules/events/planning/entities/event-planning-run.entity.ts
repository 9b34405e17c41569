import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Event } from '../../entities/event.entity';
import {
  planningPhases,
  planningRunStatuses,
  planStatuses,
  sqlList,
  type PlanningPhase,
  type PlanningRunStatus,
  type PlanStatus,
} from '../planning-vocabulary';

/** One meeting of a run's plan, as stored in `event_planning_run.plan` (for comparing runs and applying one). */
export interface PlannedMeeting {
  registrationId: string;
  invitationId: string;
  slotId: string;
  tableNumber: number;
  /** Kept from before (announced, done, or locked by the caller): the engine could not move it. */
  locked: boolean;
}

/**
 * One planning of an event: requested by an organiser (or by the day's re-planning), computed by the worker, kept.
 * `plan` holds the run's meetings whatever became of them since; `event_meeting` holds the event's current plan, the
 * one written by the current run (UQ_event_planning_run_current). UQ_event_planning_run_active lets one run at a time
 * be queued or running per event, so two clicks never compute two plans at once.
 */
@Entity('event_planning_run')
@Index('UQ_event_planning_run_current', ['eventId'], { unique: true, where: `is_current` })
@Index('UQ_event_planning_run_active', ['eventId'], { unique: true, where: `status IN ('queued', 'running')` })
@Index('IDX_event_planning_run_event', ['eventId', 'createdAt'])
@Check('CK_event_planning_run_status', `status IN (${sqlList(planningRunStatuses)})`)
@Check('CK_event_planning_run_phase', `phase IS NULL OR phase IN (${sqlList(planningPhases)})`)
@Check('CK_event_planning_run_plan_status', `plan_status IS NULL OR plan_status IN (${sqlList(planStatuses)})`)
@Check('CK_event_planning_run_progress', `progress BETWEEN 0 AND 100`)
@Check('CK_event_planning_run_time_limit', `time_limit_seconds BETWEEN 1 AND 600`)
@Check('CK_event_planning_run_from_position', `from_slot_position IS NULL OR from_slot_position >= 1`)
export class EventPlanningRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_planning_run_event' })
  event?: Event;

  @Column({ type: 'varchar', length: 10, default: 'queued' })
  status: PlanningRunStatus;

  @Column({ type: 'varchar', length: 10, nullable: true })
  phase: PlanningPhase | null;

  @Column({ type: 'int', default: 0 })
  progress: number;

  @Column({ name: 'requested_by_user_id', type: 'uuid', nullable: true })
  requestedByUserId: string | null;

  @Column({ name: 'time_limit_seconds', type: 'int' })
  timeLimitSeconds: number;

  /**
   * Re-planning from this slot position on (the day's re-planning): meetings of earlier slots are kept as they are
   * and the engine only places meetings from here. Null: the whole event.
   */
  @Column({ name: 'from_slot_position', type: 'int', nullable: true })
  fromSlotPosition: number | null;

  /** Meetings the caller asks to keep where they are, on top of the announced and done ones (always kept). */
  @Column({ name: 'locked_meeting_ids', type: 'uuid', array: true, default: () => `'{}'` })
  lockedMeetingIds: string[];

  @Column({ type: 'double precision', nullable: true })
  objective: number | null;

  @Column({ type: 'double precision', nullable: true })
  bound: number | null;

  @Column({ type: 'double precision', nullable: true })
  gap: number | null;

  @Column({ name: 'plan_status', type: 'varchar', length: 10, nullable: true })
  planStatus: PlanStatus | null;

  @Column({ type: 'jsonb', nullable: true })
  stats: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  plan: PlannedMeeting[] | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** How many times a worker started this run (a worker killed mid-run leaves it running; the retry starts again). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'is_current', type: 'boolean', default: false })
  isCurrent: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
