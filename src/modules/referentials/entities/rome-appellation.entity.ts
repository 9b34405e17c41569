import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { searchTextSql, searchVectorSql } from '../search-text';
import { RomeFiche } from './rome-fiche.entity';

/**
 * A ROME appellation (job title), identified by its OGR code, e.g. `11987` Chauffeur / Chauffeuse de machines agricoles.
 * The autocomplete finds rows through `searchVector` (word prefixes, GIN) and ranks them with `searchText`; both are
 * stored so that a request never recomputes unaccent.
 */
@Entity('rome_appellation')
@Check('CK_rome_appellation_code', `code ~ '^[0-9]{1,10}$'`)
@Index('IDX_rome_appellation_fiche', ['ficheCode'])
// GIN index on search_vector (the index method is not expressible here): created by hand in the migration.
@Index('IDX_rome_appellation_words', { synchronize: false })
export class RomeAppellation {
  @PrimaryColumn({ type: 'varchar', length: 10, primaryKeyConstraintName: 'PK_rome_appellation' })
  code: string;

  @Column({ name: 'fiche_code', type: 'char', length: 5 })
  ficheCode: string;

  @ManyToOne(() => RomeFiche, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiche_code', foreignKeyConstraintName: 'FK_rome_appellation_fiche' })
  fiche?: RomeFiche;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ name: 'short_label', type: 'varchar', length: 200 })
  shortLabel: string;

  @Column({
    name: 'search_text',
    type: 'text',
    generatedType: 'STORED',
    asExpression: searchTextSql('label'),
    insert: false,
    update: false,
  })
  searchText: string;

  @Column({
    name: 'search_vector',
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: searchVectorSql('label'),
    insert: false,
    update: false,
    select: false,
  })
  searchVector: string;
}
