import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RomeDomain } from './rome-domain.entity';

/** A ROME fiche (métier), e.g. `A1203` Aménagement et entretien des espaces verts. */
@Entity('rome_fiche')
@Check('CK_rome_fiche_code', `code ~ '^[A-Z][0-9]{4}$' AND left(code, 3) = domain_code`)
@Index('IDX_rome_fiche_domain', ['domainCode'])
export class RomeFiche {
  @PrimaryColumn({ type: 'char', length: 5, primaryKeyConstraintName: 'PK_rome_fiche' })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ name: 'domain_code', type: 'char', length: 3 })
  domainCode: string;

  @ManyToOne(() => RomeDomain, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'domain_code', foreignKeyConstraintName: 'FK_rome_fiche_domain' })
  domain?: RomeDomain;
}
