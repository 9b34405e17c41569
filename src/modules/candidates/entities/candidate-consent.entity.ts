import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../../platform/auth/user.entity';
import type { ConsentScope } from '../candidate-vocabulary';
import { Candidate } from './candidate.entity';

/**
 * A consent the person gave, as recorded by a CIP: what was shown to them, when, by whom; withdrawn by setting
 * `withdrawn_at`. Rows are never deleted (they are the proof), and at most one consent per scope is active.
 */
@Entity('candidate_consent')
@Index('UQ_candidate_consent_active', ['candidateId', 'scope'], { unique: true, where: 'withdrawn_at IS NULL' })
@Check('CK_candidate_consent_scope', `scope IN ('collective', 'employers')`)
@Check('CK_candidate_consent_withdrawal', `withdrawn_at IS NULL OR withdrawn_at >= given_at`)
@Check('CK_candidate_consent_collectives', `(scope = 'collective') = (collective_ids IS NOT NULL)`)
export class CandidateConsent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'candidate_id', type: 'uuid' })
  candidateId: string;

  @ManyToOne(() => Candidate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'FK_candidate_consent_candidate' })
  candidate?: Candidate;

  @Column({ type: 'varchar', length: 12 })
  scope: ConsentScope;

  @Column({ name: 'given_at', type: 'timestamptz' })
  givenAt: Date;

  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by_user_id', foreignKeyConstraintName: 'FK_candidate_consent_recorded_by' })
  recordedBy?: User;

  /**
   * The collectives a `collective` consent covers (null for any other scope): by default those of the candidate's SIAE
   * when it was recorded. A collective the SIAE joins later is not in the list, so it sees nothing until a new consent
   * names it; partner views require the viewer's collective to be listed (`partnerSql`).
   */
  @Column({ name: 'collective_ids', type: 'uuid', array: true, nullable: true })
  collectiveIds: string[] | null;

  /** The wording shown to the person (or read to them), kept verbatim as proof. */
  @Column({ type: 'text' })
  wording: string;

  /** Reference of the signed document, if any (e.g. "formulaire v2 du 03/02/2025"). */
  @Column({ name: 'document_ref', type: 'varchar', length: 200, nullable: true })
  documentRef: string | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdrawn_by_user_id', type: 'uuid', nullable: true })
  withdrawnByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
