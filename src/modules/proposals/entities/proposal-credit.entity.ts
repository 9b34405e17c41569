import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CompanyInteraction } from '../../employer-network/entities/company-interaction.entity';
import { creditedOutcomes, type CreditedOutcome, sqlList } from '../proposals-vocabulary';
import { Proposal } from './proposal.entity';

/**
 * An outcome of a proposal (the interview asked for, the hire) credited to the proposing SIAE in the reciprocity
 * figures, through employer-network's `creditOutcomeToSiae`. The row is claimed before the interaction is written:
 * `UQ_proposal_credit` makes the credit happen once per proposal and outcome whatever retries or races occur (the
 * second claimer writes nothing).
 */
@Entity('proposal_credit')
@Index('UQ_proposal_credit', ['proposalId', 'outcome'], { unique: true })
@Check('CK_proposal_credit_outcome', `outcome IN (${sqlList(creditedOutcomes)})`)
export class ProposalCredit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'proposal_id', type: 'uuid' })
  proposalId: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'FK_proposal_credit_proposal' })
  proposal?: Proposal;

  @Column({ type: 'varchar', length: 20 })
  outcome: CreditedOutcome;

  /** The interaction that carries the credit (null only inside the claiming transaction, or if its record was deleted). */
  @Column({ name: 'interaction_id', type: 'uuid', nullable: true })
  interactionId: string | null;

  @ManyToOne(() => CompanyInteraction, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'interaction_id', foreignKeyConstraintName: 'FK_proposal_credit_interaction' })
  interaction?: CompanyInteraction;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
