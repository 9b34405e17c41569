import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RomeFiche } from './rome-fiche.entity';

const numeric = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * "Métiers connexes": a national, directed ROME → ROME graph aggregated from Pôle emploi's per-area file
 * (see data/README.md for the derivation). `score` in 0..1, higher = more often and more strongly related.
 */
@Entity('rome_related')
@Check('CK_rome_related_score', `score > 0 AND score <= 1`)
@Check('CK_rome_related_distinct', `fiche_code <> related_code`)
@Index('IDX_rome_related_related', ['relatedCode'])
export class RomeRelated {
  @PrimaryColumn({ name: 'fiche_code', type: 'char', length: 5, primaryKeyConstraintName: 'PK_rome_related' })
  ficheCode: string;

  @PrimaryColumn({ name: 'related_code', type: 'char', length: 5, primaryKeyConstraintName: 'PK_rome_related' })
  relatedCode: string;

  @ManyToOne(() => RomeFiche, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fiche_code', foreignKeyConstraintName: 'FK_rome_related_fiche' })
  fiche?: RomeFiche;

  @ManyToOne(() => RomeFiche, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'related_code', foreignKeyConstraintName: 'FK_rome_related_related' })
  related?: RomeFiche;

  @Column({ type: 'numeric', precision: 5, scale: 4, transformer: numeric })
  score: number;

  /** Number of employment areas where the pair was observed (support of the score). */
  @Column({ type: 'smallint' })
  areas: number;
}
