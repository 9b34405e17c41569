import { Check, Column, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../../platform/auth/user.entity';
import { proposalStatuses, type ProposalStatus, sqlList } from '../proposals-vocabulary';
import { Proposal } from './proposal.entity';

/** Every change of a proposal's status, dated, with who made it (a staff account, the employer's link, the sweep). */
@Entity('proposal_transition')
@Index('IDX_proposal_transition_proposal', ['proposalId', 'at'])
@Check('CK_proposal_transition_to', `to_status IN (${sqlList(proposalStatuses)})`)
export class ProposalTransition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Order of the moves: several may share one instant (a view and an answer in the same second, a fixed test clock). */
  @Column({ type: 'bigint', select: false })
  @Generated('increment')
  seq: string;

  @Column({ name: 'proposal_id', type: 'uuid' })
  proposalId: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'FK_proposal_transition_proposal' })
  proposal?: Proposal;

  /** Null for the creation (`sent`). */
  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus: ProposalStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus: ProposalStatus;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'by_user_id', type: 'uuid', nullable: true })
  byUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'by_user_id', foreignKeyConstraintName: 'FK_proposal_transition_by' })
  by?: User;

  /** 'employeur (lien)', 'relance automatique'… when no staff account made the move. */
  @Column({ name: 'actor_label', type: 'varchar', length: 60, nullable: true })
  actorLabel: string | null;
}
