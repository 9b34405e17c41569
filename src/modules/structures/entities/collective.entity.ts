import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Several SIAE of a territory that decide to cooperate: the unit of sharing. */
@Entity('collective')
@Check('CK_collective_matching_weights_object', `matching_weights IS NULL OR jsonb_typeof(matching_weights) = 'object'`)
export class Collective {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  territory: string | null;

  /**
   * The collective's own matching weights, as overrides of the defaults (`MatchingWeightsOverrides` of the matching
   * module, which owns that vocabulary and validates it with `mergeWeights` before writing). Null: the defaults.
   * Typed loosely here so that structures does not depend on matching.
   */
  @Column({ name: 'matching_weights', type: 'jsonb', nullable: true })
  matchingWeights: object | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
